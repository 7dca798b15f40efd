import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHotFolder, REFUSED_FOLDER } from '../../../electron/main/hot-folder/hot-folder';
import { nodeHotFolderFileSystem } from '../../../electron/main/node-files';

function setup(maxBytes = 1000) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-scanner-'));
  let now = 0;
  const hotFolder = createHotFolder({ fs: nodeHotFolderFileSystem(), folder: () => folder, now: () => now, settleMs: 1000, maxBytes });
  const advance = async (ms: number) => {
    now += ms;
    await hotFolder.scan();
  };
  return { folder, hotFolder, advance };
}

describe('scanner hot folder', () => {
  it('takes a file only once the scanner has finished writing it, and removes the original only after acknowledgement', async () => {
    const { folder, hotFolder, advance } = setup();
    const file = path.join(folder, 'scan001.jpg');
    fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff]));
    await advance(0);
    expect(hotFolder.pending().files).toEqual([]);
    await advance(500);
    fs.appendFileSync(file, Buffer.from([1, 2, 3]));
    await advance(600);
    await advance(600);
    expect(hotFolder.pending().files).toEqual([]);
    await advance(1000);
    const [taken] = hotFolder.pending().files;
    expect(taken).toMatchObject({ id: 'scan001.jpg', name: 'scan001.jpg', sizeBytes: 6 });
    expect([...taken.data]).toEqual([0xff, 0xd8, 0xff, 1, 2, 3]);
    await advance(2000);
    expect(hotFolder.pending().files).toHaveLength(1);
    expect(fs.existsSync(file)).toBe(true);
    await hotFolder.acknowledge('scan001.jpg');
    expect(fs.existsSync(file)).toBe(false);
    expect(hotFolder.pending().files).toEqual([]);
  });

  it('offers an unacknowledged file again after a restart', async () => {
    const { folder, hotFolder, advance } = setup();
    fs.writeFileSync(path.join(folder, 'modulo.pdf'), '%PDF-1.7');
    await advance(0);
    await advance(1500);
    expect(hotFolder.pending().files).toHaveLength(1);
    const restarted = createHotFolder({ fs: nodeHotFolderFileSystem(), folder: () => folder, now: () => 0, settleMs: 0 });
    await restarted.scan();
    await restarted.scan();
    expect(restarted.pending().files.map((f) => f.name)).toEqual(['modulo.pdf']);
  });

  it('refuses empty, oversized and unsupported files, moving them aside once the clerk has seen the message', async () => {
    const { folder, hotFolder, advance } = setup(10);
    fs.writeFileSync(path.join(folder, 'vuoto.jpg'), '');
    fs.writeFileSync(path.join(folder, 'enorme.png'), Buffer.alloc(11));
    fs.writeFileSync(path.join(folder, 'note.docx'), 'x');
    fs.writeFileSync(path.join(folder, 'scan.jpg.part'), 'x');
    fs.writeFileSync(path.join(folder, '.DS_Store'), 'x');
    await advance(0);
    await advance(1500);
    const refused = hotFolder.pending().refused.map((r) => [r.name, r.reason]).sort();
    expect(refused).toEqual([['enorme.png', 'too-large'], ['note.docx', 'unsupported'], ['vuoto.jpg', 'empty']]);
    expect(hotFolder.pending().files).toEqual([]);
    await hotFolder.acknowledge('enorme.png');
    expect(fs.existsSync(path.join(folder, REFUSED_FOLDER, 'enorme.png'))).toBe(true);
    expect(fs.existsSync(path.join(folder, 'scan.jpg.part'))).toBe(true);
  });

  it('does nothing while no folder is configured or the folder is missing', async () => {
    const none = createHotFolder({ fs: nodeHotFolderFileSystem(), folder: () => '' });
    await none.scan();
    const missing = createHotFolder({ fs: nodeHotFolderFileSystem(), folder: () => '/no/such/folder' });
    await missing.scan();
    expect(missing.pending()).toEqual({ files: [], refused: [] });
  });

  it('reads at most the capped number of files and bytes per scan, and nothing more while too many wait', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-scanner-'));
    let now = 0;
    const hotFolder = createHotFolder({ fs: nodeHotFolderFileSystem(), folder: () => folder, now: () => now, settleMs: 10, maxFilesPerScan: 4, maxBytesPerScan: 250, maxPendingFiles: 9 });
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(folder, `scan${String(i).padStart(2, '0')}.jpg`), Buffer.alloc(100, i));
    const scan = async () => {
      now += 20;
      await hotFolder.scan();
    };
    await scan();
    await scan();
    // 250 bytes per scan: two 100-byte files, although four would be allowed by count.
    expect(hotFolder.pending().files).toHaveLength(2);
    for (let i = 0; i < 10; i++) await scan();
    expect(hotFolder.pending().files).toHaveLength(9);
    await hotFolder.acknowledge('scan00.jpg');
    await scan();
    expect(hotFolder.pending().files).toHaveLength(9);
    expect(fs.readdirSync(folder)).toHaveLength(11);
  });
});
