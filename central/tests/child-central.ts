import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ADMIN_TOKEN } from './harness';

/** The real `npm run central` entry point in a child process, so tests and benches can SIGKILL it. */
export interface ChildCentral {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startChildCentral(options: { dataDir: string; port: number; env?: NodeJS.ProcessEnv }): Promise<ChildCentral> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('central/server/main.ts')], {
    env: {
      ...process.env,
      CENTRAL_PORT: String(options.port),
      CENTRAL_DATA_DIR: options.dataDir,
      CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`central service exited: ${stderr}`);
    const ready = await fetch(`${url}/api/v1/workstation`).then(
      (r) => r.status === 401,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`central service did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}
