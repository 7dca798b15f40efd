import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A disposable PostgreSQL cluster for tests, when the server binaries are installed (Debian
 * `postgresql`). PostgreSQL refuses to run as root, so under root it runs as the `postgres` user.
 * CENTRAL_TEST_DATABASE_URL points the tests at an existing empty database instead.
 */
export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Debian keeps the server binaries out of PATH, in /usr/lib/postgresql/<major>/bin. */
function serverBinary(name: string): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = majors.map((major) => path.join(root, major, 'bin', name)).find((candidate) => existsSync(candidate));
  return found ?? name;
}

function asServerUser(command: string, args: string[]): void {
  const binary = serverBinary(command);
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : binary, root ? ['-u', 'postgres', '--', binary, ...args] : args, { stdio: 'ignore', timeout: 60_000 });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | { unavailable: string }> {
  if (process.env.CENTRAL_TEST_DATABASE_URL) return { url: process.env.CENTRAL_TEST_DATABASE_URL, stop: async () => undefined };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'central-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  try {
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    asServerUser('initdb', ['-D', data, '-A', 'trust', '-U', 'central', '--no-sync']);
    asServerUser('pg_ctl', ['-D', data, '-o', `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1`, '-l', path.join(dir, 'log'), '-w', 'start']);
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    return { unavailable: `PostgreSQL could not be started here (${(error as Error).message.split('\n')[0]})` };
  }
  return {
    url: `postgres://central@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        asServerUser('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  };
}
