import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { simpleParser } from 'mailparser';
import { test, expect } from './fixtures';
import { NOW, refusedCase, sampleForm, sampleOffice, sampleReasons } from '../unit/notices/sample-case';
import type { ApplicantDocumentsPanelProps } from '../../renderer/documents/ApplicantDocumentsPanel';

const OUT = 'test-results/notices';

/** Paths as the dev server serves them (Vite root is renderer/); typed through their source files. */
const DOCUMENTS_URL = '/documents/applicant-documents.ts';
const PANEL_URL = '/documents/ApplicantDocumentsPanel.tsx';
const APP_STORE_URL = '/app/app-store.ts';
type DocumentsModule = typeof import('../../renderer/documents/applicant-documents');
const PREFILLED_URL = '/documents/prefilled-form.ts';
type PrefilledModule = typeof import('../../renderer/documents/prefilled-form');
const FONTS_URL = '/documents/document-fonts.ts';
type FontsModule = typeof import('../../renderer/documents/document-fonts');
type PanelModule = typeof import('../../renderer/documents/ApplicantDocumentsPanel');
type AppStoreModule = typeof import('../../renderer/app/app-store');

/** Writes the PDF, makes the 60 dpi PNG of each page to look at, and returns pdftotext's text. */
function keepPdf(name: string, bytes: Uint8Array): string {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, name)]);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('in Chromium the refusal notice shows every reason and the .eml carries that PDF', async ({ page }) => {
  await openWithDocuments(page);
  const out = await page.evaluate(
    async ({ record, office, reasons, now, url }) => {
      const documents = (await import(url)) as DocumentsModule;
      const input = { record, office, reasons, now: new Date(now) };
      const notice = await documents.renderRefusalNoticePdf(input);
      const receipt = await documents.renderReceiptPdf({ ...input, received: ['modulo', 'documento-fronte', 'documento-retro'] });
      const draft = await documents.buildRefusalEml(input);
      return { notice: Array.from(notice.pdf), receipt: Array.from(receipt.pdf), eml: draft.eml, warnings: draft.warnings, noticeName: notice.fileName };
    },
    { record: refusedCase(), office: sampleOffice, reasons: sampleReasons, now: NOW.toISOString(), url: DOCUMENTS_URL },
  );
  const noticeText = keepPdf('avviso-rifiuto', new Uint8Array(out.notice));
  for (const expected of [
    'Sede di Forlì',
    'Avviso di mancato accoglimento della domanda',
    "D'AGOSTINO Niccolò",
    'Il cognome indicato nel modulo non corrisponde a quello del documento di identità.',
    "Nel modulo: «D'Agostino». Nel documento di identità: «DAGOSTINI».",
    'La data di nascita indicata nel modulo non corrisponde a quella del documento di identità.',
    'Nel modulo: «12/04/1985». Nel documento di identità: «04/12/1985».',
    'In caso di urgenza, rivolgersi alla sede territoriale INAIL più vicina.',
  ]) {
    expect(noticeText).toContain(expected);
  }
  const receiptText = keepPdf('ricevuta', new Uint8Array(out.receipt));
  expect(receiptText).toContain('Regole di riservatezza delle credenziali');
  expect(out.warnings).toEqual([]);

  fs.writeFileSync(path.join(OUT, 'avviso-rifiuto.eml'), out.eml!);
  const mail = await simpleParser(out.eml!);
  expect(mail.headers.get('x-unsent')).toBe('1');
  expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe('niccolo.dagostino@pec.example.it');
  expect(mail.text).toContain('Nel modulo: «12/04/1985». Nel documento di identità: «04/12/1985».');
  expect(mail.attachments.map((a) => a.filename)).toEqual([out.noticeName]);
  expect(new Uint8Array(mail.attachments[0].content)).toEqual(new Uint8Array(out.notice));
});

test('in Chromium the facsimile form is prefilled and every page carries the case code', async ({ page }) => {
  await openWithDocuments(page);
  const formPdf = Array.from(fs.readFileSync('resources/forms/modulo-abilitazione-facsimile.pdf'));
  const record = refusedCase({ profile: 'MEDICO_ESTERNO', form: sampleForm({ cognome: 'Łukasiewicz', nome: 'Niccolò', codice_fiscale: 'LKSNCL85D12H501X', luogo_data: 'Forlì, 23/11/2026' }) });
  const out = await page.evaluate(
    async ({ formPdf, record, urls }) => {
      const { renderPrefilledFormPdf } = (await import(urls.prefilled)) as PrefilledModule;
      const { loadDocumentFonts } = (await import(urls.fonts)) as FontsModule;
      const result = await renderPrefilledFormPdf({ formPdf: new Uint8Array(formPdf), record, fonts: await loadDocumentFonts() });
      return { pdf: Array.from(result.pdf), formDigest: result.formDigest, unmatched: result.unmatchedFields };
    },
    { formPdf, record, urls: { prefilled: PREFILLED_URL, fonts: FONTS_URL } },
  );
  expect(out.unmatched).toEqual([]);
  expect(out.formDigest).toMatch(/^[0-9a-f]{64}$/);
  const text = keepPdf('modulo-precompilato', new Uint8Array(out.pdf));
  expect(text).toContain('Łukasiewicz');
  expect(text.match(/RM01-20261123-0007/g)).toHaveLength(2);
});

/**
 * Opens the app and loads the documents modules once. The app does not import them yet, so Vite may
 * discover pdf-lib & co. only now, re-optimise and reload the page: then load them again.
 */
async function openWithDocuments(page: Page): Promise<void> {
  await page.goto('/');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.evaluate((urls) => Promise.all(urls.map((url) => import(url))), [DOCUMENTS_URL, PANEL_URL]);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.waitForLoadState('load');
    }
  }
}

/** Mounts the panel on the running app (same React and store instances the app uses). */
async function mountPanel(page: Page, props: ApplicantDocumentsPanelProps): Promise<void> {
  await page.evaluate(async ({ props, panelUrl, appStoreUrl }) => {
    // React must be the very instance the app runs: take both pre-bundled URLs exactly as the app's
    // entry module imports them (their version hashes can differ from one another).
    const entry = await (await fetch('/main.tsx')).text();
    const reactUrl = /"([^"]*\/\.vite\/deps\/react\.js\?v=[0-9a-f]+)"/.exec(entry)?.[1];
    const reactDomUrl = /"([^"]*\/\.vite\/deps\/react-dom_client\.js\?v=[0-9a-f]+)"/.exec(entry)?.[1];
    if (!reactUrl || !reactDomUrl) throw new Error('react imports not found in the served entry module');
    // Pre-bundled CommonJS: the module's default export is the CommonJS exports object.
    const [{ default: react }, { default: reactDomClient }, { ApplicantDocumentsPanel }, { useAppStore }] = await Promise.all([
      import(reactUrl) as Promise<{ default: typeof import('react') }>,
      import(reactDomUrl) as Promise<{ default: typeof import('react-dom/client') }>,
      import(panelUrl) as Promise<PanelModule>,
      import(appStoreUrl) as Promise<AppStoreModule>,
    ]);
    while (!useAppStore.getState().api) await new Promise((r) => setTimeout(r, 20));
    document.getElementById('notices-harness')?.remove();
    const host = document.createElement('main');
    host.id = 'notices-harness';
    document.body.prepend(host);
    reactDomClient.createRoot(host).render(react.createElement(ApplicantDocumentsPanel, props));
  }, { props, panelUrl: PANEL_URL, appStoreUrl: APP_STORE_URL });
}

test('panel: no e-mail/PEC and a reason without a template give Italian messages, the notice still prints', async ({ page }) => {
  await openWithDocuments(page);
  const base = refusedCase();
  const record = refusedCase({
    form: sampleForm({ cognome: 'Rossi', nome: 'Anna' }),
    decision: { ...base.decision!, reasonCodes: ['SURNAME_MISMATCH', 'NUOVO_MOTIVO_2027'] },
  });
  const reasons = [...sampleReasons, { code: 'NUOVO_MOTIVO_2027', field: 'nationality' as const, formValue: 'ITA', documentValue: 'FRA', message: '' }];
  await mountPanel(page, { record, reasons, settings: sampleOffice, received: ['modulo'], storedNotice: null });
  const panel = page.locator('#notices-harness');
  const warnings = panel.getByTestId('applicant-documents-warnings');

  await panel.getByRole('button', { name: 'Prepara e-mail/PEC' }).click();
  await expect(warnings).toContainText('Il richiedente non ha indicato né un indirizzo e-mail né una PEC');
  await expect(warnings).toContainText("Stampare l'avviso e consegnarlo a mano.");

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Stampa avviso di rifiuto' }).click();
  const saved = await (await download).path();
  await expect(panel.getByRole('status')).toContainText('Documento salvato come avviso-rifiuto-RM01-20261123-0007.pdf');
  await expect(warnings).toContainText('Il motivo «NUOVO_MOTIVO_2027» non ha un testo predefinito');
  await page.screenshot({ path: `${OUT}/pannello-avvisi.png`, fullPage: true });
  const text = keepPdf('avviso-motivo-senza-testo', new Uint8Array(fs.readFileSync(saved)));
  expect(text).toContain('Il dato «cittadinanza» del modulo non è conforme (motivo NUOVO_MOTIVO_2027).');
  expect(text).toContain('Nel modulo: «ITA». Nel documento di identità: «FRA».');
  expect(text).toContain('ROSSI Anna');

  const axe = await new AxeBuilder({ page }).include('#notices-harness').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('panel: a malformed PEC falls back to the e-mail, says so, and the dev server writes the draft', async ({ page }) => {
  await openWithDocuments(page);
  const record = refusedCase({ form: sampleForm({ cognome: 'Rossi', nome: 'Anna', pec: 'anna.rossi@pec', email: 'anna.rossi@example.it' }) });
  await mountPanel(page, { record, reasons: sampleReasons, settings: sampleOffice, received: [], storedNotice: null });
  const panel = page.locator('#notices-harness');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Prepara e-mail/PEC' }).click();
  await download;
  const status = panel.getByRole('status');
  await expect(status).toContainText('indirizzata a anna.rossi@example.it');
  await expect(panel.getByTestId('applicant-documents-warnings')).toHaveText("L'indirizzo PEC indicato nel modulo («anna.rossi@pec») non è valido.");
  const written = /salvata in (\S+\.eml),/.exec((await status.textContent()) ?? '')?.[1];
  expect(written).toMatch(/drafts\/[0-9a-f]{8}-avviso-rifiuto-RM01-20261123-0007\.eml$/);
  const mail = await simpleParser(fs.readFileSync(written!));
  expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe('anna.rossi@example.it');
  expect(mail.attachments[0].contentType).toBe('application/pdf');
});

test('panel: an accepted case offers the receipt only', async ({ page }) => {
  await openWithDocuments(page);
  const record = refusedCase({ decision: { ...refusedCase().decision!, outcome: 'accept', reasonCodes: [], freeText: '' } });
  await mountPanel(page, { record, reasons: [], settings: sampleOffice, received: ['modulo', 'documento-fronte', 'documento-retro'], storedNotice: null });
  const panel = page.locator('#notices-harness');
  await expect(panel.getByRole('button', { name: 'Stampa avviso di rifiuto' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Prepara e-mail/PEC' })).toBeDisabled();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Stampa ricevuta' }).click();
  const text = keepPdf('ricevuta-pannello', new Uint8Array(fs.readFileSync(await (await download).path())));
  expect(text).toContain('Ricevuta di presentazione della domanda');
  expect(text).toContain('utilizzare le credenziali di un altro utente');
});
