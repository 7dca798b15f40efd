import type { DatabaseConfig } from '../server/config';
import type { CentralRepository } from './repository';
import { openSqliteRepository } from './sqlite-repository';

export async function openRepository(database: DatabaseConfig): Promise<CentralRepository> {
  if (database.kind === 'sqlite') return openSqliteRepository(database.file);
  const { openPostgresRepository } = await import('./postgres-repository');
  return openPostgresRepository(database.url);
}
