import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, originOf } from '../../../shared/security/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('buildContentSecurityPolicy', () => {
  it('allows no inline script, no eval and no remote origin by default', () => {
    const csp = directives(buildContentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    const all = [...csp.values()].flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain('*');
    expect(all.some((v) => v.startsWith('http'))).toBe(false);
  });

  it('adds only the configured central service origin to connect-src', () => {
    const csp = directives(buildContentSecurityPolicy({ centralServiceOrigin: originOf('https://central.inail.local:8443/api/v1?x=1') }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://central.inail.local:8443']);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('ignores a malformed central service URL', () => {
    expect(originOf('not a url')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});
