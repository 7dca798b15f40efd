import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../electron/main/security/app-origin';
import { denyWindowOpen, guardNavigation } from '../../../electron/main/security/navigation';

describe('isAppUrl', () => {
  it.each(['app://sportello/index.html', 'app://sportello/', 'app://sportello/assets/x.js?v=1#top', 'APP://SPORTELLO/index.html'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'app://evil/index.html',
    'app://sportello.evil.example/',
    'app://user@sportello/',
    'app://user:pw@sportello/',
    'https://sportello/',
    'http://127.0.0.1:5174/',
    'file:///app/index.html',
    'app:sportello/index.html',
    'javascript:alert(1)',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('guardNavigation', () => {
  it.each([
    ['https://www.inail.it/', true],
    ['file:///etc/passwd', true],
    ['app://other/index.html', true],
    ['app://sportello/index.html', false],
  ])('navigating to %s is prevented: %s', (url, prevented) => {
    const event = { preventDefault: vi.fn() };
    guardNavigation(event, url);
    expect(event.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0);
  });
});

describe('denyWindowOpen', () => {
  it('never opens a window and has no way to hand a URL to the system browser', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
    expect(denyWindowOpen.length).toBe(0);
  });
});
