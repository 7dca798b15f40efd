import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import type { SettingsProblemReason } from '../../../shared/settings/settings';

/** What the file system says about a candidate folder (`lstat` and `realpath`), or null when it does not exist. */
export interface FolderFacts {
  isDirectory: boolean;
  isSymbolicLink: boolean;
  realPath: string;
}

export interface HotFolderLimits {
  platform: NodeJS.Platform;
  /** Refused when the folder is one of them, lies inside one, or contains one: userData, the data key's folder, the app. */
  protectedTrees: string[];
  /** Refused when the folder is one of them or contains one (inside is fine): the user profile. */
  profileRoots: string[];
  /** Refused when the folder is one of them or lies inside one: the operating system's folders. */
  systemTrees: string[];
}

export type HotFolderProblem = Extract<
  SettingsProblemReason,
  'settings.error.scannerHotFolder' | 'settings.error.scannerHotFolderProtected' | 'settings.error.scannerHotFolderLink'
>;

/** The system folders of each platform (environment values where Windows has them). */
export function systemFolders(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') {
    const drive = env.SystemDrive ?? 'C:';
    return [
      env.SystemRoot ?? `${drive}\\Windows`,
      env.ProgramFiles ?? `${drive}\\Program Files`,
      env['ProgramFiles(x86)'] ?? `${drive}\\Program Files (x86)`,
      env.ProgramData ?? `${drive}\\ProgramData`,
      `${drive}\\Users\\Public`,
    ];
  }
  const unix = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib64', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/usr', '/var'];
  return platform === 'darwin' ? [...unix, '/System', '/Library', '/Applications', '/private/etc', '/private/var'] : unix;
}

/**
 * Why `folder` may not be the scanner hot folder, or null. Main reads every image there and, once
 * the clerk acknowledges, deletes it or moves other files aside: pointed at the data key's folder,
 * the profile or a system folder, that would read or move files that are not scans.
 */
export function hotFolderProblem(folder: string, facts: FolderFacts | null, limits: HotFolderLimits): HotFolderProblem | null {
  const p = limits.platform === 'win32' ? path.win32 : path.posix;
  if (!folder || !p.isAbsolute(folder) || !facts) return 'settings.error.scannerHotFolder';
  // lstat: a link is not a directory, so it is named as a link before the directory test.
  const norm = (value: string) => {
    const resolved = p.resolve(value);
    const trimmed = resolved.length > p.parse(resolved).root.length ? resolved.replace(/[\\/]+$/, '') : resolved;
    return limits.platform === 'win32' ? trimmed.toLowerCase() : trimmed;
  };
  const candidate = norm(folder);
  if (facts.isSymbolicLink || norm(facts.realPath) !== candidate) return 'settings.error.scannerHotFolderLink';
  if (!facts.isDirectory) return 'settings.error.scannerHotFolder';
  if (p.parse(candidate).root === candidate || (limits.platform === 'win32' && /^\\\\[^\\]+\\[^\\]+$/.test(candidate))) {
    return 'settings.error.scannerHotFolderProtected';
  }
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(p.sep) ? parent : parent + p.sep);
  const refused = [
    ...limits.protectedTrees.map(norm).filter((t) => inside(candidate, t) || inside(t, candidate)),
    ...limits.profileRoots.map(norm).filter((t) => inside(t, candidate)),
    ...limits.systemTrees.map(norm).filter((t) => inside(candidate, t)),
  ];
  return refused.length > 0 ? 'settings.error.scannerHotFolderProtected' : null;
}

/** `hotFolderProblem` on the real file system (`lstat`, then `realpath.native` to catch links and junctions anywhere in the path). */
export async function checkHotFolderOnDisk(folder: string, limits: HotFolderLimits): Promise<HotFolderProblem | null> {
  let facts: FolderFacts | null;
  try {
    const stat = await fsp.lstat(folder);
    facts = { isDirectory: stat.isDirectory(), isSymbolicLink: stat.isSymbolicLink(), realPath: await promisify(fs.realpath.native)(folder) };
  } catch {
    facts = null;
  }
  return hotFolderProblem(folder, facts, limits);
}
