import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(fs.readFileSync('electron-builder.yml', 'utf8'));
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

describe('electron-builder.yml', () => {
  it('sets every security fuse', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages the built main, preload and renderer that package.json points at', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
    const build = fs.readFileSync('scripts/build-electron.mjs', 'utf8');
    expect(build).toContain("outfile: 'dist/electron/main.cjs'");
    expect(build).toContain("outfile: 'dist/electron/preload.cjs'");
    expect(fs.readFileSync('electron/main/main.ts', 'utf8')).toContain("'preload.cjs'");
  });

  it('builds per-machine Windows installers for group-policy deployment and Linux packages', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.msi.perMachine).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.publish.provider).toBe('generic');
    expect(config.publish.url).toMatch(/^https:\/\//);
  });
});
