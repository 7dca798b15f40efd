import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../../electron/main/security/app-protocol';

const ROOT = path.resolve('/opt/sportello/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://sportello/', 'index.html'],
    ['app://sportello/index.html', 'index.html'],
    ['app://sportello/assets/main-abc.js', 'assets/main-abc.js'],
    ['app://sportello/assets/a%20b.js', 'assets/a b.js'],
    ['app://sportello/index.html?x=1#y', 'index.html'],
  ])('%s → %s', (url, relative) => {
    expect(resolveAppPath(ROOT, url)).toBe(path.join(ROOT, relative));
  });

  it.each([
    'app://sportello/../../etc/passwd',
    'app://sportello/assets/../../secret',
    'app://sportello/%2e%2e/%2e%2e/etc/passwd',
    'app://sportello/%2E%2E%2Fetc%2Fpasswd',
    'app://sportello/assets%2f..%2f..%2fsecret',
    'app://sportello/..%5c..%5cwindows%5cwin.ini',
    'app://sportello/assets/%5c..%5csecret',
    'app://sportello/C:/Windows/win.ini',
    'app://sportello/c:%5cwindows',
    'app://sportello//etc/passwd/..',
    'app://sportello/index.html%00.png',
    'app://sportello/%E0%A4%A',
    'app://sportello/./index.html',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://sportello/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });

  it('never resolves outside the root, whatever the input', () => {
    for (const url of ['app://sportello/a/../../b', 'app://sportello/%2e%2e', 'app://sportello/a/%2e%2e/%2e%2e/x']) {
      const resolved = resolveAppPath(ROOT, url);
      if (resolved !== null) expect(resolved.startsWith(ROOT + path.sep)).toBe(true);
    }
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map([[path.join(ROOT, 'index.html'), new TextEncoder().encode('<!doctype html>')]]);
  const readFile = vi.fn(async (file: string) => {
    const body = files.get(file);
    if (!body) throw new Error('ENOENT');
    return body;
  });
  const handler = createAppProtocolHandler({ root: ROOT, readFile, contentSecurityPolicy: () => "default-src 'none'" });

  it('serves files with the CSP and hardening headers', async () => {
    const response = await handler(new Request('app://sportello/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('refuses encoded traversal without touching the file system', async () => {
    readFile.mockClear();
    const response = await handler(new Request('app://sportello/assets%2f..%2f..%2fsecret'));
    expect(response.status).toBe(403);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('never reads outside the root when the URL layer already collapsed dot segments', async () => {
    readFile.mockClear();
    for (const url of ['app://sportello/%2e%2e/%2e%2e/etc/passwd', 'app://sportello/../../etc/passwd']) {
      const response = await handler(new Request(url));
      expect([403, 404]).toContain(response.status);
    }
    for (const [file] of readFile.mock.calls) expect(file.startsWith(ROOT + path.sep)).toBe(true);
  });

  it('answers 404 for a missing file and 405 for writes', async () => {
    expect((await handler(new Request('app://sportello/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://sportello/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
