import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildCentralOpenApi } from '../../shared/central-api/openapi';

export const OPENAPI_FILE = fileURLToPath(new URL('../openapi.json', import.meta.url));
export const API_VERSION = '1.0.0';

export function renderOpenApi(): string {
  return `${JSON.stringify(buildCentralOpenApi(API_VERSION), null, 2)}\n`;
}

// `npm run central:openapi` rewrites central/openapi.json; central/tests/openapi.test.ts fails while it is stale.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await fs.writeFile(OPENAPI_FILE, renderOpenApi());
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}
