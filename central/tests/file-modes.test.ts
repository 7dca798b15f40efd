import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildCentral, freePort, type ChildCentral } from './child-central';
import { enrollWorkstation, makeTempDir, sendCase } from './harness';

/** Every entry under `root` with its permission bits. */
function modes(root: string): { entry: string; mode: number; dir: boolean }[] {
  const found: { entry: string; mode: number; dir: boolean }[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      const stat = fs.statSync(full);
      found.push({ entry: path.relative(root, full), mode: stat.mode & 0o777, dir: stat.isDirectory() });
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(root);
  return found;
}

describe('central data files', () => {
  let running: ChildCentral | null = null;
  afterAll(async () => running?.kill());

  it('are owner-only: folders 0700 and files 0600, the data folder too, even when it existed with 0755', async () => {
    const dataDir = await makeTempDir('central-modes-');
    fs.chmodSync(dataDir, 0o755);
    running = await startChildCentral({ dataDir, port: await freePort() });
    const { token } = await enrollWorkstation(running.url, 'RM01');
    const { response } = await sendCase(running.url, token);
    expect(response.status).toBe(201);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const entries = modes(dataDir);
    expect(entries.some((e) => e.entry.startsWith('attachments') && !e.dir)).toBe(true);
    expect(entries.some((e) => e.entry.startsWith('central.sqlite'))).toBe(true);
    expect(entries.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))).toEqual([]);
  }, 90_000);
});
