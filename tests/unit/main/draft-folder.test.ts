import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDraftFolder, isDraftContent, DRAFT_MAX_AGE_MS } from '../../../electron/main/documents/draft-folder';
import { nodeDraftFileSystem } from '../../../electron/main/node-files';
import { IpcHandlerError, dispatch } from '../../../electron/main/ipc/register-handlers';
import { createIpcHandlers } from '../../../electron/main/ipc-handlers';
import { testHandlerDeps } from './handler-deps';
import { buildEml } from '../../../shared/notices/eml';

const eml = new TextEncoder().encode(
  buildEml({ to: { name: 'Anna Rossi', address: 'anna@example.it' }, from: null, subject: 'Pratica', text: 'Testo è', attachments: [], date: new Date(0), boundarySeed: 'x' }),
);
const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

function setup(now = () => 1_000_000_000) {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-drafts-'));
  const folder = path.join(userData, 'drafts');
  const openPath = vi.fn(async (_file: string) => '');
  let n = 0;
  const drafts = createDraftFolder({ folder, fs: nodeDraftFileSystem(), openPath, randomId: () => (n++).toString(16).padStart(8, '0'), now, maxAgeMs: DRAFT_MAX_AGE_MS });
  return { userData, folder, openPath, drafts };
}

describe('document drafts opened with the default program', () => {
  it('writes the .eml into its own folder and opens exactly that file', async () => {
    const { folder, openPath, drafts } = setup();
    const result = await drafts.writeAndOpen({ kind: 'eml', fileName: 'avviso-rifiuto-RM01-20261123-0007.eml', data: eml });
    expect(result).toEqual({ path: path.join(folder, '00000000-avviso-rifiuto-RM01-20261123-0007.eml'), opened: true });
    expect(openPath).toHaveBeenCalledWith(result.path);
    expect(fs.readFileSync(result.path)).toEqual(Buffer.from(eml));
    expect(fs.statSync(result.path).mode & 0o077).toBe(0);
  });

  it('never overwrites an earlier draft of the same case', async () => {
    const { drafts } = setup();
    const a = await drafts.writeAndOpen({ kind: 'pdf', fileName: 'ricevuta-X.pdf', data: pdf });
    const b = await drafts.writeAndOpen({ kind: 'pdf', fileName: 'ricevuta-X.pdf', data: pdf });
    expect(a.path).not.toBe(b.path);
  });

  it('reports opened: false when the system could not open the file (no mail client)', async () => {
    const { drafts, openPath } = setup();
    openPath.mockResolvedValueOnce('No application is associated with the specified file');
    const result = await drafts.writeAndOpen({ kind: 'eml', fileName: 'a.eml', data: eml });
    expect(result.opened).toBe(false);
    expect(fs.existsSync(result.path)).toBe(true);
  });

  it.each([
    ['a path in the name', 'pdf', '../escape.pdf', pdf],
    ['an absolute name', 'pdf', '/etc/passwd.pdf', pdf],
    ['a hidden name', 'pdf', '.x.pdf', pdf],
    ['a double extension', 'pdf', 'x.exe.pdf', pdf],
    ['an extension that does not match the kind', 'eml', 'x.pdf', eml],
    ['an executable extension', 'pdf', 'x.bat', pdf],
    ['a PDF that is not a PDF', 'pdf', 'x.pdf', new TextEncoder().encode('MZ\x90\x00 not a pdf')],
    ['an .eml with 8-bit bytes', 'eml', 'x.eml', new Uint8Array([0x46, 0x72, 0x6f, 0x6d, 0x3a, 0x20, 0xc3, 0xa8])],
    ['an .eml with no MIME headers', 'eml', 'x.eml', new TextEncoder().encode('hello world')],
    ['an empty file', 'pdf', 'x.pdf', new Uint8Array()],
  ] as const)('refuses %s and writes and opens nothing', async (_label, kind, fileName, data) => {
    const { folder, openPath, drafts } = setup();
    await expect(drafts.writeAndOpen({ kind, fileName, data })).rejects.toMatchObject({ code: 'draft-invalid', messageKey: 'notices.error.draftInvalid' });
    await expect(drafts.writeAndOpen({ kind, fileName, data })).rejects.toBeInstanceOf(IpcHandlerError);
    expect(openPath).not.toHaveBeenCalled();
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
  });

  it('opens only files it wrote itself, directly in its folder', async () => {
    const { folder, drafts } = setup();
    const own = await drafts.writeAndOpen({ kind: 'pdf', fileName: 'a.pdf', data: pdf });
    expect(drafts.isOwnDraft(own.path)).toBe(true);
    const planted = path.join(folder, '0000abcd-planted.pdf');
    fs.writeFileSync(planted, pdf);
    expect(drafts.isOwnDraft(planted)).toBe(false);
    expect(drafts.isOwnDraft(path.join(folder, 'sub', path.basename(own.path)))).toBe(false);
    expect(drafts.isOwnDraft(`${folder}/../drafts/${path.basename(own.path)}`)).toBe(true);
  });

  it('removes drafts older than a day before writing a new one (they carry personal data)', async () => {
    let now = 1_000_000_000_000;
    const { folder, drafts } = setup(() => now);
    const old = await drafts.writeAndOpen({ kind: 'pdf', fileName: 'old.pdf', data: pdf });
    fs.utimesSync(old.path, new Date(now - DRAFT_MAX_AGE_MS - 1000), new Date(now - DRAFT_MAX_AGE_MS - 1000));
    now += 1000;
    const fresh = await drafts.writeAndOpen({ kind: 'pdf', fileName: 'new.pdf', data: pdf });
    expect(fs.readdirSync(folder)).toEqual([path.basename(fresh.path)]);
  });

  it('is reached through the contract channel document:openDraft with main-side validation', async () => {
    const { openPath, drafts } = setup();
    const handlers = createIpcHandlers(testHandlerDeps('/tmp/x', { drafts }));
    const trusted = { senderFrame: { url: 'app://sportello/index.html', parent: null } } as never;
    const ok = await dispatch('document:openDraft', handlers, trusted, { kind: 'eml', fileName: 'a.eml', dataBase64: Buffer.from(eml).toString('base64') });
    expect(ok).toMatchObject({ ok: true, value: { opened: true } });
    const bad = await dispatch('document:openDraft', handlers, trusted, { kind: 'pdf', fileName: 'a.pdf', dataBase64: Buffer.from('not a pdf').toString('base64') });
    expect(bad).toEqual({ ok: false, error: { code: 'draft-invalid', messageKey: 'notices.error.draftInvalid', details: undefined } });
    const untrusted = await dispatch('document:openDraft', handlers, { senderFrame: { url: 'https://evil.example/', parent: null } } as never, { kind: 'pdf', fileName: 'a.pdf', dataBase64: 'JVBERi0=' });
    expect(untrusted.ok).toBe(false);
    expect(openPath).toHaveBeenCalledTimes(1);
  });

  it('recognises draft content by its bytes', () => {
    expect(isDraftContent('pdf', pdf)).toBe(true);
    expect(isDraftContent('eml', eml)).toBe(true);
    expect(isDraftContent('eml', pdf)).toBe(false);
    expect(isDraftContent('pdf', eml)).toBe(false);
  });
});
