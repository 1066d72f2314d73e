import { existsSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * The installer configuration's essentials (issue 7, point 6), read with
 * js-yaml — the parser electron-builder itself uses.
 */
interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  directories?: { buildResources?: string; output?: string };
  files?: string[];
  extraResources?: { from: string; to: string }[];
  protocols?: { schemes: string[] }[];
  win?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string; category?: string };
  linux?: { target?: string[]; category?: string; icon?: string };
  electronFuses?: Record<string, boolean>;
}

const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('org.classhub.app');
    expect(config.productName).toBe('ClassHub');
  });

  it('builds nsis, dmg, AppImage and deb, filed under Education', () => {
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Education');
    expect(config.mac?.category).toBe('public.app-category.education');
  });

  it('packs into an asar archive only the built app, its resources and package.json', () => {
    expect(config.asar).toBe(true);
    const included = (config.files ?? []).filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual([
      'dist-main/**',
      'dist-renderer/**',
      'package.json',
      'resources/app/**',
      // The hosted hub's bcrypt worker, found by its source location (scripts/build-main.ts).
      'src-server/domains/accounts/password-worker.js',
    ]);
    expect(config.files).toContain('!dist-main/**/*.map');
    for (const file of included.filter((pattern) => !pattern.includes('*'))) {
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('starts from the bundled main process', () => {
    expect(packageJson.main).toBe('dist-main/main.js');
  });

  it('ships the tray icon outside the asar, where main.ts looks for it', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/build/icon.png', to: 'icon.png' }]);
    expect(existsSync('resources/app/common-passwords.txt')).toBe(true);
  });

  it('registers the classhub:// scheme for join links', () => {
    expect(config.protocols?.flatMap((protocol) => protocol.schemes)).toEqual(['classhub']);
  });

  it('has icons made for the app, in every format the targets use', () => {
    expect(config.directories?.buildResources).toBe('resources/build');
    for (const file of [
      'resources/build/icon.svg',
      'resources/build/icon.png',
      config.win?.icon,
      config.mac?.icon,
      `${config.linux?.icon}/512x512.png`,
    ]) {
      expect(file && existsSync(file), file).toBe(true);
    }
    const png = readFileSync('resources/build/icon.png');
    // PNG header: width and height at bytes 16 and 20; macOS wants at least 512, we ship 1024.
    expect(png.readUInt32BE(16)).toBe(1024);
    expect(png.readUInt32BE(20)).toBe(1024);
    expect(readFileSync('resources/build/icon.ico').readUInt16BE(0)).toBe(0);
    expect(readFileSync('resources/build/icon.icns').toString('ascii', 0, 4)).toBe('icns');
  });

  it('flips the Electron fuses that only attackers need', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has npm run dist build everything before packaging', () => {
    const dist = packageJson.scripts.dist ?? '';
    expect(dist).toMatch(/build:renderer/);
    expect(dist).toMatch(/build:main/);
    expect(dist).toMatch(/electron-builder/);
  });
});
