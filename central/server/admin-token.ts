import fs from 'node:fs/promises';
import path from 'node:path';
import { newSecret } from './tokens';

/**
 * Without CENTRAL_ADMIN_TOKEN the service keeps its own admin token in `<dataDir>/admin-token`
 * (mode 0600), created on first start, so `npm run central` needs no configuration.
 */
export async function loadOrCreateAdminToken(dataDir: string): Promise<{ token: string; file: string }> {
  const file = path.join(dataDir, 'admin-token');
  try {
    return { token: (await fs.readFile(file, 'utf8')).trim(), file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = newSecret();
  await fs.writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, file };
}
