/**
 * Synthetic applicants for the test corpus. Every person is invented; codici fiscali are computed
 * with the official algorithm so they carry a valid check letter.
 */

export interface Person {
  surname: string;
  givenNames: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD */
  birthDate: string;
  birthPlace: string;
  /** Province code, or EE when born abroad. */
  birthProvince: string;
  belfiore: string;
  residence: string;
  fiscalCode: string;
}

type PersonSeed = Omit<Person, 'fiscalCode'>;

const SEEDS: PersonSeed[] = [
  { surname: 'ROSSI', givenNames: 'MARIO', sex: 'M', birthDate: '1985-04-12', birthPlace: 'ROMA', birthProvince: 'RM', belfiore: 'H501', residence: 'VIA APPIA NUOVA 12, ROMA (RM)' },
  { surname: "D'ANGELO", givenNames: 'NICOLÒ', sex: 'M', birthDate: '1990-11-01', birthPlace: 'NAPOLI', birthProvince: 'NA', belfiore: 'F839', residence: 'VIA TOLEDO 256, NAPOLI (NA)' },
  { surname: 'DE LUCA', givenNames: 'MARIA GRAZIA', sex: 'F', birthDate: '1978-02-28', birthPlace: 'MILANO', birthProvince: 'MI', belfiore: 'F205', residence: 'CORSO BUENOS AIRES 7, MILANO (MI)' },
  { surname: 'BIANCHI', givenNames: 'ANNA', sex: 'F', birthDate: '1969-07-15', birthPlace: 'TORINO', birthProvince: 'TO', belfiore: 'L219', residence: 'VIA PO 3, TORINO (TO)' },
  { surname: "DELL'ACQUA BONAVENTURA", givenNames: 'MARIA ANTONIETTA GIUSEPPINA', sex: 'F', birthDate: '1982-09-03', birthPlace: "L'AQUILA", birthProvince: 'AQ', belfiore: 'A345', residence: 'VIA XX SETTEMBRE 41, L\'AQUILA (AQ)' },
  { surname: 'ESPOSITO', givenNames: 'GIUSEPPE', sex: 'M', birthDate: '1955-12-30', birthPlace: 'FORLÌ', birthProvince: 'FC', belfiore: 'D704', residence: 'PIAZZA SAFFI 1, FORLÌ (FC)' },
  { surname: 'CONTI', givenNames: 'LUCA', sex: 'M', birthDate: '2000-01-05', birthPlace: 'BOLOGNA', birthProvince: 'BO', belfiore: 'A944', residence: 'VIA RIZZOLI 20, BOLOGNA (BO)' },
  { surname: 'FERRARI', givenNames: 'CHIARA', sex: 'F', birthDate: '1995-05-20', birthPlace: 'FIRENZE', birthProvince: 'FI', belfiore: 'D612', residence: 'VIA DEI CALZAIUOLI 5, FIRENZE (FI)' },
  { surname: 'SANTORO', givenNames: 'FRANCESCA', sex: 'F', birthDate: '1988-03-14', birthPlace: 'GERMANIA', birthProvince: 'EE', belfiore: 'Z112', residence: 'VIA GARIBALDI 8, BARI (BA)' },
  { surname: 'COLOMBO', givenNames: 'PIETRO', sex: 'M', birthDate: '1972-10-08', birthPlace: 'COMO', birthProvince: 'CO', belfiore: 'C933', residence: 'VIA VOLTA 14, COMO (CO)' },
  { surname: 'GALLO', givenNames: 'ELENA', sex: 'F', birthDate: '1993-06-09', birthPlace: 'PALERMO', birthProvince: 'PA', belfiore: 'G273', residence: 'VIA MAQUEDA 100, PALERMO (PA)' },
  { surname: 'RICCI', givenNames: 'ANDREA', sex: 'M', birthDate: '1980-08-21', birthPlace: 'VENEZIA', birthProvince: 'VE', belfiore: 'L736', residence: 'CANNAREGIO 33, VENEZIA (VE)' },
];

const MONTH_LETTERS = 'ABCDEHLMPRST';
const ODD_VALUES: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

function lettersOnly(value: string): string {
  return value.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();
}

function split(value: string): { consonants: string; vowels: string } {
  const letters = lettersOnly(value);
  return { consonants: letters.replace(/[AEIOU]/g, ''), vowels: letters.replace(/[^AEIOU]/g, '') };
}

function surnameCode(surname: string): string {
  const { consonants, vowels } = split(surname);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

function nameCode(name: string): string {
  const { consonants, vowels } = split(name);
  if (consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return (consonants + vowels + 'XXX').slice(0, 3);
}

function checkLetter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const c = first15[i];
    // Positions are 1-based in the specification: odd positions use the odd table.
    sum += i % 2 === 0 ? ODD_VALUES[c] : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function fiscalCodeOf(seed: PersonSeed): string {
  const [year, month, day] = seed.birthDate.split('-').map(Number);
  const dayCode = String(day + (seed.sex === 'F' ? 40 : 0)).padStart(2, '0');
  const first15 = surnameCode(seed.surname) + nameCode(seed.givenNames) + String(year % 100).padStart(2, '0') + MONTH_LETTERS[month - 1] + dayCode + seed.belfiore;
  return first15 + checkLetter(first15);
}

export const PEOPLE: Person[] = SEEDS.map((seed) => ({ ...seed, fiscalCode: fiscalCodeOf(seed) }));
