import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, enterApp } from './fixtures';

type Session = typeof import('../../renderer/store/session');
type AppStore = typeof import('../../renderer/app/app-store');
type IntakeSession = typeof import('../../renderer/intake/intake-session');

const corpus = (name: string) => path.resolve('tests/corpus', name);

/** A new case whose form the clerk typed for Mario Rossi (born in Rome on 12/04/1985). */
async function openCaseTypedAsMarioRossi(page: Page): Promise<void> {
  await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await page.getByRole('radio', { name: 'Medico esterno' }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('heading', { name: /^Pratica / })).toBeVisible();
  await page.keyboard.press('Alt+3');
  for (const [label, value] of [[/^Cognome/, 'ROSSI'], [/^Nome/, 'MARIO'], [/^Sesso/, 'M'], [/^Data di nascita/, '12/04/1985'], [/^Comune di nascita/, 'ROMA'], [/^Provincia di nascita/, 'RM'], [/^Codice fiscale/, 'RSSMRA85D12H501L']] as const) {
    await page.getByLabel(label).fill(value);
  }
  await page.getByLabel(/^Codice fiscale/).blur();
}

test('a clerk opens a case, captures the documents, fills the form and refuses it with reasons; a reload loses nothing', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();

  // Step 1 — request, keyboard only
  await expect(page.getByRole('radio', { name: 'Medico esterno' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.getByLabel('Richiesta urgente (da trattare per prima)').check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('alert')).toHaveText('Indicare il motivo dell’urgenza.');
  await page.getByLabel('Motivo dell’urgenza').fill('Certificato da emettere oggi');
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('heading', { name: /^Pratica [A-Z0-9]+-\d{8}-\d{4}/ })).toBeVisible();

  // Step 2 — capture, with bad inputs refused in place
  const front = page.locator('[data-role="documento-fronte"]');
  const back = page.locator('[data-role="documento-retro"]');
  const form = page.locator('[data-role="modulo"]');
  await front.getByLabel('Scegli file: Documento di identità – fronte').setInputFiles(corpus('images/cie-01-front.jpg'));
  await expect(front.getByRole('status')).toHaveText('Allegato «cie-01-front.jpg».');
  await front.getByLabel('Scegli file: Documento di identità – fronte').setInputFiles(corpus('images/cie-01-front.jpg'));
  await expect(front.getByRole('alert')).toHaveText('Il file «cie-01-front.jpg» è già allegato a questa pratica: non è stato aggiunto di nuovo.');
  await back.getByLabel('Scegli file: Documento di identità – retro').setInputFiles(corpus('bad/not-an-image.jpg'));
  await expect(back.getByRole('alert')).toContainText('non è un’immagine JPEG, PNG o TIFF né un PDF');
  await back.getByLabel('Scegli file: Documento di identità – retro').setInputFiles(corpus('bad/empty.png'));
  await expect(back.getByRole('alert')).toContainText('è vuoto (0 byte)');
  await back.getByLabel('Scegli file: Documento di identità – retro').setInputFiles(corpus('bad/huge-400mp.png'));
  await expect(back.getByRole('alert')).toContainText('ha troppi pixel');
  await form.getByLabel('Scegli file: Modulo di richiesta firmato').setInputFiles(corpus('bad/encrypted.pdf'));
  await expect(form.getByRole('alert')).toContainText('è protetto da password');
  await back.getByLabel('Scegli file: Documento di identità – retro').setInputFiles(corpus('images/cie-01-back.jpg'));
  await expect(back.getByRole('status')).toHaveText('Allegato «cie-01-back.jpg».');
  await expect(front.locator('.thumbnails li')).toHaveCount(1);
  await expect(back.locator('.thumbnails li')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/20-acquisizione.png', fullPage: true });

  await front.getByRole('button', { name: /^Ingrandisci: / }).click();
  const viewer = page.getByRole('dialog');
  await expect(viewer).toBeVisible();
  await viewer.getByRole('button', { name: 'Ingrandisci' }).click();
  await viewer.getByRole('button', { name: 'Chiudi' }).click();
  await expect(viewer).toBeHidden();

  // Step 3 — form data, autosaved as typed
  await page.keyboard.press('Alt+3');
  await page.getByLabel(/^Cognome/).fill('D’ANGELO');
  await page.getByLabel(/^Nome/).fill('MARIA LUISA');
  await page.getByLabel(/^Codice fiscale/).fill('DNGMLS85D52H501X');
  await page.getByLabel(/^Numero di iscrizione all’Ordine/).fill('12345');
  await page.getByLabel(/^Numero di iscrizione all’Ordine/).blur();
  await expect(page.getByText(/Campi obbligatori ancora vuoti: .*Sesso/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/21-dati-modulo.png', fullPage: true });

  // A reload mid-wizard restores the case exactly: reopen it from the stored draft.
  const caseTitle = await page.getByRole('heading', { name: /^Pratica / }).innerText();
  await page.reload();
  await enterApp(page);
  const caseNumber = caseTitle.replace(/^Pratica /, '').replace(/\s*URGENTE$/, '');
  const caseId = await page.evaluate(async (number) => {
    const sessionModule = '/store/session.ts';
    const { useSession }: Session = await import(/* @vite-ignore */ sessionModule);
    const page = await useSession.getState().store!.cases.listCases({ search: number, offset: 0, limit: 5 });
    return page.items[0]?.id ?? null;
  }, caseNumber);
  expect(caseId).not.toBeNull();
  await page.evaluate(async (id) => {
    const appStoreModule = '/app/app-store.ts';
    const { useAppStore }: AppStore = await import(/* @vite-ignore */ appStoreModule);
    useAppStore.getState().openIntake(id);
  }, caseId);
  await expect(page.getByRole('heading', { name: caseTitle })).toBeVisible();
  await expect(page.locator('[data-role="documento-fronte"] .thumbnails li')).toHaveCount(1);
  await page.keyboard.press('Alt+3');
  await expect(page.getByLabel(/^Cognome/)).toHaveValue('D’ANGELO');
  await expect(page.getByLabel(/^Codice fiscale/)).toHaveValue('DNGMLS85D52H501X');
  await expect(page.getByLabel(/^Numero di iscrizione all’Ordine/)).toHaveValue('12345');
  await page.getByRole('button', { name: '2. Documenti' }).click();
  await expect(page.locator('[data-role="documento-fronte"] .thumbnails li')).toHaveCount(1);
  await expect(page.locator('[data-role="documento-retro"] .thumbnails li')).toHaveCount(1);

  // Step 4 — the checklist never shows an unread check as passed
  await page.keyboard.press('Alt+4');
  await expect(page.locator('[data-item="sides"]')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('[data-item="signed"]')).toHaveAttribute('data-status', 'unknown');
  await expect(page.locator('[data-item="required"]')).toHaveAttribute('data-status', 'problem');
  await page.screenshot({ path: 'test-results/screens/22-verifica.png', fullPage: true });

  // Step 5 — acceptance is blocked; refusal records the reasons
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('button', { name: 'Accetta la pratica' })).toBeDisabled();
  const note = page.getByLabel('Note per l’interessato (facoltative se è indicato almeno un motivo)');
  await expect(note).toHaveValue(/^Campi obbligatori ancora vuoti: .*Sesso/);
  await page.getByRole('button', { name: 'Respingi la pratica' }).click();
  // The refusal also renders and stores the notice PDF (fonts embedded): allow a loaded machine its time.
  await expect(page.getByRole('status').filter({ hasText: 'Pratica respinta' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-code="REQUIRED_FIELD_EMPTY"]')).toContainText('Nel modulo manca un dato obbligatorio');
  await expect(page.getByRole('button', { name: 'Stampa ricevuta' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/23-decisione.png', fullPage: true });

  // The refusal notice is part of the case: stored encrypted with the decision, listed, audited, reprinted identical.
  await expect(page.getByTestId('stored-notice')).toContainText('L’avviso di rifiuto è conservato nella pratica');
  const stored = () =>
    page.evaluate(async ({ sessionUrl, intakeUrl }) => {
      const { useSession } = (await import(/* @vite-ignore */ sessionUrl)) as Session;
      const { store } = useSession.getState();
      const { useIntake } = (await import(/* @vite-ignore */ intakeUrl)) as IntakeSession;
      const caseId = useIntake.getState().record!.id;
      const notices = (await store!.cases.listAttachments(caseId)).filter((a) => a.role === 'avviso-rifiuto');
      const blob = notices[0] && (await store!.db.attachmentBlobs.get(notices[0].id));
      const bytes = notices[0] ? Array.from(new Uint8Array(await (await store!.cases.readAttachment(notices[0].id)).arrayBuffer())) : [];
      const sealedHead = blob ? Array.from(new Uint8Array(await blob.data.arrayBuffer()).subarray(0, 5)) : [];
      const audit = (await store!.db.audit.where('caseId').equals(caseId).toArray()).filter((e) => e.action === 'notice').map((e) => e.detail);
      return { count: notices.length, sha256: notices[0]?.sha256, bytes, sealedHead, audit };
    }, { sessionUrl: '/store/session.ts', intakeUrl: '/intake/intake-session.ts' });
  const first = await stored();
  expect(first.count).toBe(1);
  expect(String.fromCharCode(...first.bytes.slice(0, 5))).toBe('%PDF-');
  expect(String.fromCharCode(...first.sealedHead)).not.toBe('%PDF-');
  expect(first.audit).toEqual([`issued:${first.sha256}`]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Stampa avviso di rifiuto' }).click();
  const reprinted = await fs.readFile((await (await download).path())!);
  expect(Buffer.compare(reprinted, Buffer.from(first.bytes))).toBe(0);

  await page.getByRole('button', { name: 'Riapri la pratica' }).click();
  await expect(page.getByRole('button', { name: 'Respingi la pratica' })).toBeVisible();
  // A new decision withdraws the earlier notice and stores its own.
  await page.getByRole('button', { name: 'Respingi la pratica' }).click();
  await expect(page.getByTestId('stored-notice')).toBeVisible({ timeout: 30_000 });
  const second = await stored();
  expect(second.count).toBe(1);
  expect(second.audit).toEqual([`issued:${first.sha256}`, `withdrawn:${first.sha256}`, `issued:${second.sha256}`]);
  await page.getByRole('button', { name: 'Riapri la pratica' }).click();
  await expect(page.getByRole('button', { name: 'Respingi la pratica' })).toBeVisible();
});

test('a mismatch is shown side by side; a misread value is corrected, a real difference needs a written justification', async ({ page }) => {
  await openCaseTypedAsMarioRossi(page);

  // The reading as the document reader hands it over: the printed surname misread as ROSSO.
  await page.evaluate(async () => {
    const intakeModule = '/intake/intake-session.ts';
    const { useIntake }: IntakeSession = await import(/* @vite-ignore */ intakeModule);
    await useIntake.getState().applyReading({
      formSigned: true,
      document: {
        documentType: 'CIE',
        fields: { surname: 'ROSSO', givenNames: 'MARIO', sex: 'M', birthDate: '1985-04-12', birthPlace: 'ROMA', fiscalCode: 'RSSMRA85D12H501L', documentNumber: 'CA12345AB', issueDate: '2022-03-14', expiryDate: '2033-04-12', nationality: 'ITA' },
        fieldSources: { surname: 'viz', givenNames: 'mrz', sex: 'mrz', birthDate: 'mrz', birthPlace: 'viz', fiscalCode: 'barcode', documentNumber: 'mrz', issueDate: 'viz', expiryDate: 'mrz', nationality: 'mrz' },
        confidence: { surname: 0.7 },
        // ROSSO has the same consonants as ROSSI: the codice fiscale cannot refute it.
        confirmedBy: { surname: 'fiscal-code', givenNames: 'fiscal-code', sex: 'fiscal-code', birthDate: 'check-digits', birthPlace: 'fiscal-code', fiscalCode: 'check-digits', documentNumber: 'check-digits', expiryDate: 'check-digits' },
        sidesSeen: ['front', 'back'],
        warnings: [],
      },
    });
  });
  await page.keyboard.press('Alt+4');
  const row = page.locator('tr[data-code="SURNAME_MISMATCH"]');
  await expect(row).toContainText('ROSSI');
  await expect(row).toContainText('ROSSO');
  await expect(page.locator('[data-item="identity"]')).toHaveAttribute('data-status', 'problem');
  await page.screenshot({ path: 'test-results/screens/27-differenze.png', fullPage: true });

  // A justification that is too short is refused.
  await row.getByRole('button', { name: 'Segna come corrispondente' }).click();
  await row.getByLabel('Motivazione scritta (obbligatoria, almeno 15 caratteri)').fill('uguale');
  await row.getByRole('button', { name: 'Conferma corrispondenza' }).click();
  await expect(row.getByRole('alert')).toContainText('almeno 15 caratteri');
  await expect(page.locator('[data-item="identity"]')).toHaveAttribute('data-status', 'problem');

  // It was a misread: correcting the document value resolves it, and the audit trail records it.
  await row.getByRole('button', { name: 'Correggi il valore letto dal documento' }).click();
  await row.getByLabel('Valore corretto nel documento per «Cognome»').fill('ROSSI');
  await row.getByRole('button', { name: 'Salva correzione' }).click();
  await expect(page.locator('tr[data-code="SURNAME_MISMATCH"]')).toHaveCount(0);
  await expect(page.locator('[data-item="identity"]')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('[data-item="valid"]')).toHaveAttribute('data-status', 'ok');

  // A real difference on the form side: the sex typed as F; only a justification lets it pass.
  await page.keyboard.press('Alt+3');
  await page.getByLabel(/^Sesso/).fill('F');
  await page.getByLabel(/^Sesso/).blur();
  await page.keyboard.press('Alt+4');
  const sex = page.locator('tr[data-code="SEX_MISMATCH"]');
  await expect(sex).toBeVisible();
  await sex.getByRole('button', { name: 'Segna come corrispondente' }).click();
  await sex.getByLabel('Motivazione scritta (obbligatoria, almeno 15 caratteri)').fill('Errore di compilazione verificato con l’interessato presente allo sportello');
  await sex.getByRole('button', { name: 'Conferma corrispondenza' }).click();
  await expect(sex).toContainText('Corrispondenza confermata dall’operatore');
  const audit = await page.evaluate(async () => {
    const sessionModule = '/store/session.ts';
    const { useSession }: Session = await import(/* @vite-ignore */ sessionModule);
    const exported = JSON.parse(await useSession.getState().store!.audit.exportForInspector('test', 'test')) as { entries: { action: string; detail?: string }[] };
    return exported.entries.filter((e) => e.action === 'ocr-correction').map((e) => e.detail);
  });
  expect(audit).toEqual(expect.arrayContaining(['document:surname', expect.stringMatching(/^override:(SEX_MISMATCH|FISCAL_CODE_INCONSISTENT_WITH_PERSON):/)]));
});

test('a value nothing confirmed is "da verificare": it differs from the form without counting as a mismatch until the clerk confirms it', async ({ page }) => {
  await openCaseTypedAsMarioRossi(page);

  // A foreign passport: no codice fiscale, the MRZ's names covered by no check digit, nothing printed read.
  await page.evaluate(async () => {
    const intakeModule = '/intake/intake-session.ts';
    const { useIntake }: IntakeSession = await import(/* @vite-ignore */ intakeModule);
    await useIntake.getState().applyReading({
      formSigned: true,
      document: {
        documentType: 'PASSPORT',
        fields: { surname: 'ROSSO', givenNames: 'MARIO', sex: 'M', birthDate: '1985-04-12', birthPlace: null, fiscalCode: null, documentNumber: 'X1234567', issueDate: null, expiryDate: '2033-04-12', nationality: 'CHE' },
        fieldSources: { surname: 'mrz', givenNames: 'mrz', sex: 'mrz', birthDate: 'mrz', documentNumber: 'mrz', expiryDate: 'mrz', nationality: 'mrz' },
        confidence: { surname: 0.85, givenNames: 0.85, sex: 0.85, birthDate: 1, documentNumber: 1, expiryDate: 1, nationality: 0.85 },
        confirmedBy: { birthDate: 'check-digits', documentNumber: 'check-digits', expiryDate: 'check-digits' },
        sidesSeen: ['front'],
        warnings: [],
      },
    });
  });
  await page.keyboard.press('Alt+4');
  const row = page.locator('tr[data-code="FIELD_UNCONFIRMED"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('non è confermato');
  await expect(page.locator('tr[data-code="SURNAME_MISMATCH"]')).toHaveCount(0);
  await expect(page.locator('[data-item="identity"]')).not.toHaveAttribute('data-status', 'ok');
  await page.getByText('Dati letti dal documento').click();
  await expect(page.locator('.document-fields tr[data-field="surname"]')).toContainText('da verificare');
  await expect(page.locator('.document-fields tr[data-field="givenNames"]')).toContainText('coincide con il modulo');
  await expect(page.locator('.document-fields tr[data-field="birthDate"]')).toContainText('confermato dalle cifre di controllo');
  await page.screenshot({ path: 'test-results/screens/28-da-verificare.png', fullPage: true });

  // The clerk looks at the passport: it does say ROSSO. Now it is a real difference.
  await row.getByRole('button', { name: 'Confermo: sul documento c’è questo valore' }).click();
  await expect(page.locator('tr[data-code="FIELD_UNCONFIRMED"]')).toHaveCount(0);
  await expect(page.locator('tr[data-code="SURNAME_MISMATCH"]')).toContainText('ROSSO');
});
