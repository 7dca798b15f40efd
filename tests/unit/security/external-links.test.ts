import { describe, expect, it, vi } from 'vitest';
import { openExternalUrl, vetExternalUrl } from '../../../electron/main/security/external-links';

describe('vetExternalUrl', () => {
  it.each([
    ['https://www.inail.it/', 'https://www.inail.it/'],
    ['http://intranet.inail.local/guida', 'http://intranet.inail.local/guida'],
    ['https://WWW.INAIL.IT/a?b=c#d', 'https://www.inail.it/a?b=c#d'],
  ])('accepts %s', (input, expected) => {
    expect(vetExternalUrl(input)).toBe(expected);
  });

  it.each([
    ['file:///etc/passwd'],
    ['file://C:/Windows/System32/calc.exe'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox'],
    ['smb://attacker/share'],
    ['ms-msdt:/id PCWDiagnostic'],
    ['search-ms:query=x'],
    ['app://sportello/index.html'],
    ['mailto:a@b.it'],
    ['https://user:pass@inail.it/'],
    ['https://inail.it@evil.example/'],
    ['https://'],
    ['https:'],
    [' https://www.inail.it/'],
    ['https://www.inail.it/\n'],
    ['https://www.inail.it/\u0000'],
    ['https://evil%2eexample/'],
    ['//www.inail.it/'],
    ['www.inail.it'],
    [''],
    ['https://' + 'a'.repeat(3000) + '.it/'],
    [42],
    [null],
    [undefined],
    [{ href: 'https://www.inail.it/' }],
  ])('refuses %s', (input) => {
    expect(vetExternalUrl(input)).toBeNull();
  });

  it('opens only vetted URLs', async () => {
    const open = vi.fn(async () => undefined);
    expect(await openExternalUrl('file:///etc/passwd', open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(await openExternalUrl('https://www.inail.it/', open)).toBe(true);
    expect(open).toHaveBeenCalledWith('https://www.inail.it/');
  });
});
