import fs from 'node:fs/promises';
import { openRepository } from '../storage/open-repository';
import { loadOrCreateAdminToken } from './admin-token';
import { startCentralService } from './central-service';
import { ConfigError, readCentralConfig } from './config';

/** `npm run central`: the reference central service, configured by CENTRAL_* environment variables (docs/central-service.md). */
async function main(): Promise<void> {
  const config = readCentralConfig(process.env, process.cwd());
  await fs.mkdir(config.dataDir, { recursive: true });
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
