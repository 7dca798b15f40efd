/**
 * Generates the facsimile application form (DOMAIN.md) as a fillable PDF with the stable AcroForm
 * field names, and its template mapping (field → page zone) from the same layout, so the two never
 * disagree. The official INAIL PDF can later be added as another PDF + mapping, without code.
 *   npx tsx scripts/forms/generate-facsimile-form.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FormTemplate, TemplateZone } from '../../shared/document-reading/form-template';

const OUT_DIR = path.resolve('resources/forms');
const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const ink = rgb(0.1, 0.1, 0.12);
const blue = rgb(0.12, 0.25, 0.45);

interface Row {
  label: string;
  name: string;
  width: number;
}

const zones: Record<string, TemplateZone> = {};

async function main(): Promise<void> {
  const doc = await PDFDocument.create();
  doc.setTitle('Richiesta di abilitazione ai servizi telematici INAIL per Medici esterni / Presidi ospedalieri (fac-simile)');
  doc.setLanguage('it-IT');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const form = doc.getForm();

  const text = (page: PDFPage, value: string, x: number, yTop: number, size: number, font: PDFFont = regular, color = ink) =>
    page.drawText(value, { x, y: PAGE[1] - yTop - size, size, font, color });

  const paragraph = (page: PDFPage, value: string, yTop: number, size = 8.5): number => {
    const words = value.split(' ');
    let line = '';
    let y = yTop;
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (regular.widthOfTextAtSize(next, size) > PAGE[0] - 2 * MARGIN) {
        text(page, line, MARGIN, y, size);
        y += size * 1.35;
        line = word;
      } else line = next;
    }
    if (line) text(page, line, MARGIN, y, size);
    return y + size * 1.35;
  };

  const fieldRow = (page: PDFPage, pageNumber: number, rows: Row[], yTop: number): number => {
    let x = MARGIN;
    for (const row of rows) {
      const w = (PAGE[0] - 2 * MARGIN) * row.width - 6;
      text(page, row.label, x, yTop, 7, regular, blue);
      const field = form.createTextField(row.name);
      const box = { x, y: PAGE[1] - yTop - 10 - 18, width: w, height: 18 };
      field.addToPage(page, { ...box, font: regular, borderColor: rgb(0.55, 0.6, 0.68), borderWidth: 0.8, backgroundColor: rgb(1, 1, 1) });
      field.setFontSize(10);
      zones[row.name] = { page: pageNumber, x, y: yTop + 10, width: w, height: 18 };
      x += w + 6;
    }
    return yTop + 36;
  };

  const section = (page: PDFPage, title: string, yTop: number): number => {
    page.drawRectangle({ x: MARGIN, y: PAGE[1] - yTop - 14, width: PAGE[0] - 2 * MARGIN, height: 14, color: rgb(0.9, 0.93, 0.97) });
    text(page, title, MARGIN + 4, yTop + 3, 8.5, bold, blue);
    return yTop + 20;
  };

  // Page 1: the data.
  const p1 = doc.addPage(PAGE);
  text(p1, 'INAIL - Istituto nazionale per l’assicurazione contro gli infortuni sul lavoro'.replace('’', "'"), MARGIN, 40, 9, bold, blue);
  text(p1, 'RICHIESTA DI ABILITAZIONE AI SERVIZI TELEMATICI', MARGIN, 58, 13, bold);
  text(p1, 'Certificati medici di infortunio e malattia professionale - Medici esterni / Presidi ospedalieri', MARGIN, 76, 9);
  text(p1, 'FAC-SIMILE - modulo ufficiale non disponibile; i nomi dei campi sono quelli del modulo ufficiale mappato', MARGIN, 90, 7, regular, rgb(0.6, 0.1, 0.1));
  let y = section(p1, 'PROFILO RICHIESTO', 108);
  const profile = form.createRadioGroup('tipo_profilo');
  const profiles: Array<[string, string]> = [
    ['MEDICO_ESTERNO', 'Medico esterno'],
    ['MEDICO_OSPEDALIERO', 'Medico ospedaliero'],
    ['REFERENTE_STRUTTURA', 'Referente territoriale di struttura ospedaliera'],
  ];
  let px = MARGIN;
  const profileBoxes: Record<string, TemplateZone> = {};
  for (const [value, label] of profiles) {
    profile.addOptionToPage(value, p1, { x: px, y: PAGE[1] - y - 12, width: 11, height: 11, borderColor: ink, borderWidth: 0.8 });
    profileBoxes[value] = { page: 1, x: px, y: y + 1, width: 11, height: 11 };
    text(p1, label, px + 15, y + 1, 8.5);
    px += 15 + regular.widthOfTextAtSize(label, 8.5) + 18;
  }
  zones.tipo_profilo = { page: 1, x: MARGIN, y, width: px - MARGIN, height: 12 };
  y = section(p1, 'DATI DEL RICHIEDENTE', y + 24);
  y = fieldRow(p1, 1, [{ label: 'Cognome', name: 'cognome', width: 0.5 }, { label: 'Nome', name: 'nome', width: 0.5 }], y);
  y = fieldRow(p1, 1, [{ label: 'Codice fiscale', name: 'codice_fiscale', width: 0.4 }, { label: 'Sesso (M/F)', name: 'sesso', width: 0.15 }, { label: 'Data di nascita (gg/mm/aaaa)', name: 'data_nascita', width: 0.25 }, { label: 'Cittadinanza', name: 'cittadinanza', width: 0.2 }], y);
  y = fieldRow(p1, 1, [{ label: 'Comune di nascita', name: 'comune_nascita', width: 0.45 }, { label: 'Provincia (EE se estero)', name: 'provincia_nascita', width: 0.2 }, { label: 'Stato estero di nascita', name: 'stato_estero_nascita', width: 0.35 }], y);
  y = section(p1, 'RESIDENZA E RECAPITI', y);
  y = fieldRow(p1, 1, [{ label: 'Indirizzo di residenza', name: 'indirizzo_residenza', width: 0.55 }, { label: 'CAP', name: 'cap_residenza', width: 0.12 }, { label: 'Comune', name: 'comune_residenza', width: 0.23 }, { label: 'Prov.', name: 'provincia_residenza', width: 0.1 }], y);
  y = fieldRow(p1, 1, [{ label: 'Telefono', name: 'telefono', width: 0.5 }, { label: 'Cellulare', name: 'cellulare', width: 0.5 }], y);
  y = fieldRow(p1, 1, [{ label: 'E-mail', name: 'email', width: 0.5 }, { label: 'PEC', name: 'pec', width: 0.5 }], y);
  y = section(p1, 'DATI PROFESSIONALI (Ordine dei Medici Chirurghi e degli Odontoiatri)', y);
  y = fieldRow(p1, 1, [{ label: 'Ordine della provincia di', name: 'ordine_provincia', width: 0.5 }, { label: 'Numero di iscrizione', name: 'ordine_numero', width: 0.5 }], y);
  y = section(p1, 'STRUTTURA OSPEDALIERA (solo per il referente)', y);
  y = fieldRow(p1, 1, [{ label: 'Denominazione', name: 'struttura_denominazione', width: 0.7 }, { label: 'Codice struttura', name: 'struttura_codice', width: 0.3 }], y);
  y = fieldRow(p1, 1, [{ label: 'Indirizzo', name: 'struttura_indirizzo', width: 0.5 }, { label: 'PEC della struttura', name: 'struttura_pec', width: 0.3 }, { label: 'Ruolo', name: 'ruolo_struttura', width: 0.2 }], y);
  y = section(p1, 'DOCUMENTO DI IDENTITÀ', y);
  y = fieldRow(p1, 1, [{ label: 'Tipo di documento', name: 'documento_tipo', width: 0.4 }, { label: 'Numero', name: 'documento_numero', width: 0.3 }, { label: 'Rilasciato da', name: 'documento_rilasciato_da', width: 0.3 }], y);
  fieldRow(p1, 1, [{ label: 'Data di rilascio (gg/mm/aaaa)', name: 'documento_data_rilascio', width: 0.5 }, { label: 'Data di scadenza (gg/mm/aaaa)', name: 'documento_data_scadenza', width: 0.5 }], y);

  // Page 2: declarations and signature.
  const p2 = doc.addPage(PAGE);
  y = section(p2, 'DICHIARAZIONI', 48);
  y = paragraph(p2, 'Il/La sottoscritto/a, consapevole delle sanzioni penali previste dall’art. 76 del D.P.R. 28 dicembre 2000, n. 445 per le ipotesi di falsità in atti e dichiarazioni mendaci, dichiara che i dati sopra riportati corrispondono al vero.'.replace(/’/g, "'"), y);
  y = paragraph(p2, 'Dichiara di aver preso visione dell’informativa sul trattamento dei dati personali ai sensi dell’art. 13 del Regolamento (UE) 2016/679.'.replace(/’/g, "'"), y + 6);
  y = paragraph(p2, 'Si impegna a rispettare le regole di riservatezza delle credenziali: non comunicare a nessuno codice utente e password; non consentire a terzi di utilizzare il servizio con le proprie credenziali; non utilizzare le credenziali di un altro utente.', y + 6);
  y = section(p2, 'LUOGO, DATA E FIRMA', y + 14);
  fieldRow(p2, 2, [{ label: 'Luogo e data', name: 'luogo_data', width: 0.45 }], y);
  const sig = { x: MARGIN + (PAGE[0] - 2 * MARGIN) * 0.5, y: y, width: (PAGE[0] - 2 * MARGIN) * 0.5, height: 70 };
  text(p2, 'Firma del richiedente', sig.x, sig.y - 10, 7, regular, blue);
  p2.drawRectangle({ x: sig.x, y: PAGE[1] - sig.y - sig.height, width: sig.width, height: sig.height, borderColor: rgb(0.55, 0.6, 0.68), borderWidth: 0.8 });
  p2.drawLine({ start: { x: sig.x + 12, y: PAGE[1] - sig.y - sig.height + 14 }, end: { x: sig.x + sig.width - 12, y: PAGE[1] - sig.y - sig.height + 14 }, thickness: 0.6, color: rgb(0.4, 0.4, 0.45) });

  const template: FormTemplate = {
    id: 'facsimile-2026-11',
    description: 'Fac-simile del modulo di richiesta di abilitazione (DOMAIN.md); coordinate in punti PDF dall’angolo in alto a sinistra della pagina.',
    pageSize: { width: PAGE[0], height: PAGE[1] },
    pages: 2,
    fields: zones,
    signature: { page: 2, ...sig },
    options: { tipo_profilo: Object.fromEntries(profiles.map(([value], i) => [String(i), value])) },
    choiceBoxes: { tipo_profilo: profileBoxes },
  };
  writeFileSync(path.join(OUT_DIR, 'modulo-abilitazione-facsimile.pdf'), await doc.save({ useObjectStreams: false }));
  writeFileSync(path.join(OUT_DIR, 'modulo-abilitazione-facsimile.template.json'), `${JSON.stringify(template, null, 2)}\n`);
  console.log(`${Object.keys(zones).length} fields`);
}

await main();
