import fs from 'node:fs';
import path from 'node:path';
import { DEV_FOLDER_CHOICE_FILE } from '../../../electron/dev/dev-main-server';

/** The dev profile the browser tests' dev server runs on (playwright.config.ts). */
export const DEV_USER_DATA = path.resolve(`test-results/dev-data-${process.env.SPORTELLO_DEV_PORT ?? 5174}`);

/**
 * Sets what the next folder dialog answers. In dev web mode main's dialog is a file of the dev
 * profile written from outside the browser (electron/dev/dev-main-server.ts): the page cannot name a folder.
 */
export function answerFolderDialog(folder: string): void {
  fs.mkdirSync(DEV_USER_DATA, { recursive: true });
  fs.writeFileSync(path.join(DEV_USER_DATA, DEV_FOLDER_CHOICE_FILE), folder);
}
