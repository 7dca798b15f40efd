import fs from 'node:fs/promises';
import { openRepository } from '../storage/open-repository';
import { loadOrCreateAdminToken } from './admin-token';
import { startCentralService } from './central-service';
import { ConfigError, readCentralConfig } from './config';

/** `npm run central`: the reference central service, configured by CENTRAL_* environment variables (docs/central-service.md). */
async function main(): Promise<void> {
  // Submissions, attachments, uploads and the database hold personal data: owner-only files (0600)
  // and folders (0700), whatever the account's default umask.
  process.umask(0o077);
  const config = readCentralConfig(process.env, process.cwd());
  await fs.mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  await fs.chmod(config.dataDir, 0o700);
  const admin = config.adminToken ? { token: config.adminToken, file: null } : await loadOrCreateAdminToken(config.dataDir);
  const repository = await openRepository(config.database);
  const service = await startCentralService({ config: { ...config, adminToken: admin.token }, repository });
  process.stderr.write(
    `central service on ${service.url} (database: ${config.database.kind}, data: ${config.dataDir}` +
      `${admin.file ? `, admin token in ${admin.file}` : ''})\n`,
  );
  const stop = async () => {
    await service.close();
    await repository.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`central service not started: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
