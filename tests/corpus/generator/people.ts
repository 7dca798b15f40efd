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

/** Birth places with their Belfiore codes (checked against the Belfiore register); EE: born abroad. */
const PLACES: Array<[string, string, string]> = [
  ['ROMA', 'RM', 'H501'], ['MILANO', 'MI', 'F205'], ['NAPOLI', 'NA', 'F839'], ['TORINO', 'TO', 'L219'], ['PALERMO', 'PA', 'G273'],
  ['GENOVA', 'GE', 'D969'], ['BOLOGNA', 'BO', 'A944'], ['FIRENZE', 'FI', 'D612'], ['BARI', 'BA', 'A662'], ['CATANIA', 'CT', 'C351'],
  ['VERONA', 'VR', 'L781'], ['MESSINA', 'ME', 'F158'], ['PADOVA', 'PD', 'G224'], ['TRIESTE', 'TS', 'L424'], ['BRESCIA', 'BS', 'B157'],
  ['PARMA', 'PR', 'G337'], ['TARANTO', 'TA', 'L049'], ['PRATO', 'PO', 'G999'], ['MODENA', 'MO', 'F257'], ['REGGIO DI CALABRIA', 'RC', 'H224'],
  ['PERUGIA', 'PG', 'G478'], ['LIVORNO', 'LI', 'E625'], ['CAGLIARI', 'CA', 'B354'], ['FOGGIA', 'FG', 'D643'], ['SALERNO', 'SA', 'H703'],
  ['RAVENNA', 'RA', 'H199'], ['FERRARA', 'FE', 'D548'], ['RIMINI', 'RN', 'H294'], ['SIRACUSA', 'SR', 'I754'], ['PESCARA', 'PE', 'G482'],
  ['BERGAMO', 'BG', 'A794'], ['TRENTO', 'TN', 'L378'], ['VICENZA', 'VI', 'L840'], ['ANCONA', 'AN', 'A271'], ['LECCE', 'LE', 'E506'],
  ['UDINE', 'UD', 'L483'], ['BOLZANO', 'BZ', 'A952'], ['LA SPEZIA', 'SP', 'E463'], ["REGGIO NELL'EMILIA", 'RE', 'H223'], ['SASSARI', 'SS', 'I452'],
  ['NOVARA', 'NO', 'F952'], ['PIACENZA', 'PC', 'G535'], ['CATANZARO', 'CZ', 'C352'], ['COSENZA', 'CS', 'D086'], ['POTENZA', 'PZ', 'G942'],
  ['CAMPOBASSO', 'CB', 'B519'], ['AOSTA', 'AO', 'A326'], ['SAN BENEDETTO DEL TRONTO', 'AP', 'H769'], ['CASTELLAMMARE DI STABIA', 'NA', 'C129'],
  ['SESTO SAN GIOVANNI', 'MI', 'I690'], ['TERNI', 'TR', 'L117'], ['BRINDISI', 'BR', 'B180'], ['PAVIA', 'PV', 'G388'], ['MONZA', 'MB', 'F704'],
  ['SENIGALLIA', 'AN', 'I608'], ['ALESSANDRIA', 'AL', 'A182'], ['VITERBO', 'VT', 'M082'], ['VARESE', 'VA', 'L682'], ['FOLIGNO', 'PG', 'D653'],
  ['CESENA', 'FC', 'C573'], ['MACERATA', 'MC', 'E783'], ['PISA', 'PI', 'G702'], ['AVELLINO', 'AV', 'A509'], ['MAZARA DEL VALLO', 'TP', 'F061'],
  ['CALTANISSETTA', 'CL', 'B429'], ['FRANCIA', 'EE', 'Z110'], ['SVIZZERA', 'EE', 'Z133'], ['ROMANIA', 'EE', 'Z129'], ['ARGENTINA', 'EE', 'Z600'],
  ['ALBANIA', 'EE', 'Z100'], ['GERMANIA', 'EE', 'Z112'],
];

const SURNAMES = [
  'MARINO', 'GRECO', 'BRUNO', 'GALLI', 'COSTA', 'FONTANA', 'CARUSO', 'MARIANI', 'RIZZO', 'LOMBARDI', 'MORETTI', 'BARBIERI', 'GIORDANO',
  'MANCINI', 'LONGO', 'LEONE', 'MARTINELLI', 'VITALE', 'SERRA', 'COPPOLA', "DE SANTIS", "D'AMICO", "DELL'ORTO", 'DI STEFANO', 'LO PRESTI',
  'PELLEGRINI', 'PALUMBO', 'SANNA', 'FARINA', 'MONTI', 'CATTANEO', 'GATTI', 'RINALDI', 'FERRI', 'FABBRI', 'BELLINI', 'BASILE', 'RIVA',
  'DONATI', 'PIRAS', "D'ALESSANDRO", 'DE ROSA', 'LA ROSA', 'MELIS', 'ORLANDO', 'TESTA', 'PARISI', 'GUERRA', 'ZANETTI', 'BERNARDINI',
  'CASTELLANI DE MARCHI', 'SCOGNAMIGLIO', 'QUARANTA', 'ZUCCHERO', 'VENTURINI',
];
const MALE_NAMES = ['ALESSANDRO', 'FRANCESCO', 'LORENZO', 'MATTEO', 'GABRIELE', 'LEONARDO', 'RICCARDO', 'TOMMASO', 'EDOARDO', 'NICCOLÒ', 'SALVATORE', 'ANTONIO', 'VINCENZO', 'GIOVANNI', 'CARLO ALBERTO', 'GIAN MARCO', 'FABIO', 'UGO'];
const FEMALE_NAMES = ['GIULIA', 'SOFIA', 'AURORA', 'ALICE', 'GINEVRA', 'EMMA', 'GIORGIA', 'BEATRICE', 'MARTINA', 'FEDERICA', 'ROSARIA', 'ILARIA', 'ANNA MARIA', 'MARIA CRISTINA', 'NOEMI', 'LUCIA', 'ZOE'];
const STREETS = ['VIA ROMA', 'VIA GARIBALDI', 'CORSO ITALIA', 'VIA MAZZINI', 'PIAZZA DELLA REPUBBLICA', 'VIA DANTE ALIGHIERI', 'VIALE EUROPA', 'VIA VERDI'];

/** An invented applicant drawn from a seed: name, birth date and place, residence, codice fiscale. */
export function randomPerson(rng: () => number): Person {
  const pick = <T>(items: T[]): T => items[Math.floor(rng() * items.length)];
  const sex = rng() < 0.5 ? 'M' : 'F';
  const [birthPlace, birthProvince, belfiore] = pick(PLACES);
  const year = 1946 + Math.floor(rng() * 60);
  const month = 1 + Math.floor(rng() * 12);
  const day = 1 + Math.floor(rng() * 28);
  const [home, homeProvince] = (() => {
    const [name, province] = pick(PLACES.filter((p) => p[1] !== 'EE'));
    return [name, province];
  })();
  const seed: PersonSeed = {
    surname: pick(SURNAMES),
    givenNames: pick(sex === 'M' ? MALE_NAMES : FEMALE_NAMES),
    sex,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    birthPlace,
    birthProvince,
    belfiore,
    residence: `${pick(STREETS)} ${1 + Math.floor(rng() * 180)}, ${home} (${homeProvince})`,
  };
  return { ...seed, fiscalCode: fiscalCodeOf(seed) };
}
