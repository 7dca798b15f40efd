import { expect, type Page } from '@playwright/test';
import { enterApp } from '../fixtures';
import { answerFolderDialog } from './folder-dialog';

/** Signs in (unless `enter` is false: already in the app) and opens a new case for `profile`, ready on the capture step. */
export async function newCase(page: Page, profile = 'Medico ospedaliero', enter = true) {
  if (enter) await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await page.getByRole('radio', { name: profile }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('heading', { name: /^Pratica / })).toBeVisible();
}

/** Points the workstation's scanner folder at `folder` (Impostazioni › Scegli la cartella…, answered by the dialog stand-in). */
export async function configureHotFolder(page: Page, folder: string) {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Impostazioni' }).click();
  answerFolderDialog(folder);
  await page.getByRole('button', { name: 'Scegli la cartella…' }).click();
  await expect(page.getByRole('status')).toHaveText('Impostazioni salvate.');
  await expect(page.getByTestId('settings-hot-folder')).toHaveText(folder);
}

interface IntakeModule {
  useIntake: { getState(): { attachments: { id: string; role: string; sha256: string; mimeType: string }[]; reading: { state: string; key: string | null }; documentReading: { fields: Record<string, string | null> } | null } };
}
interface SessionModule {
  useSession: { getState(): { store: { audit: { exportForInspector(clerk: string, workstation: string): Promise<string> } } | null } };
}

/** The open case's scans, reading state and read fields, from the app's own intake store. */
export async function intakeState(page: Page) {
  return page.evaluate(async () => {
    const intakeModule = '/intake/intake-session.ts';
    const { useIntake }: IntakeModule = await import(/* @vite-ignore */ intakeModule);
    const { attachments, reading, documentReading } = useIntake.getState();
    return { attachments, reading, fields: documentReading?.fields ?? null };
  });
}

/** The details of every `transform-scan` audit entry (rotate, straighten, crop, both hashes). */
export async function transformAudit(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const sessionModule = '/store/session.ts';
    const { useSession }: SessionModule = await import(/* @vite-ignore */ sessionModule);
    const exported = JSON.parse(await useSession.getState().store!.audit.exportForInspector('test', 'test')) as { entries: { action: string; detail?: string }[] };
    return exported.entries.filter((e) => e.action === 'transform-scan').map((e) => e.detail ?? '');
  });
}
