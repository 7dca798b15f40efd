import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** SHA-256 (hex) of a file, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Where acknowledged attachments live: `<root>/<caseId>/<attachmentId>`. A file is copied in from
 * its finished tus upload while being hashed, kept only if the hash is the declared one, and
 * fsynced; `seal` then fsyncs the directories. Both happen before the case's transaction may commit.
 */
export function createAttachmentArchive(root: string) {
  const pathOf = (caseId: string, attachmentId: string) => path.join(root, caseId, attachmentId);

  return {
    pathOf,
    /** Makes the case's renames durable (one directory fsync per case, not per attachment); call before committing. */
    async seal(caseId: string): Promise<void> {
      await fsyncPath(path.join(root, caseId));
      await fsyncPath(root);
    },
    async importVerified(source: string, caseId: string, attachmentId: string, expectedSha256: string): Promise<'stored' | 'hash-mismatch'> {
      const caseDir = path.join(root, caseId);
      await fs.mkdir(caseDir, { recursive: true, mode: 0o700 });
      const temporary = path.join(caseDir, `.${attachmentId}.${randomBytes(6).toString('hex')}.part`);
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(createReadStream(source), hashing, createWriteStream(temporary, { flags: 'wx' }));
        if (hash.digest('hex') !== expectedSha256) {
          await fs.rm(temporary, { force: true });
          return 'hash-mismatch';
        }
        await fsyncPath(temporary);
        await fs.rename(temporary, pathOf(caseId, attachmentId));
        return 'stored';
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

export type AttachmentArchive = ReturnType<typeof createAttachmentArchive>;
