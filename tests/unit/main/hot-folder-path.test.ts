import { describe, expect, it } from 'vitest';
import { hotFolderProblem, systemFolders, type FolderFacts, type HotFolderLimits } from '../../../electron/main/hot-folder/hot-folder-path';

const dir = (realPath: string): FolderFacts => ({ isDirectory: true, isSymbolicLink: false, realPath });

const WINDOWS: HotFolderLimits = {
  platform: 'win32',
  protectedTrees: ['C:\\Users\\mrossi\\AppData\\Roaming\\Sportello Abilitazioni', 'C:\\Program Files\\Sportello Abilitazioni'],
  profileRoots: ['C:\\Users\\mrossi'],
  systemTrees: systemFolders('win32', { SystemDrive: 'C:', SystemRoot: 'C:\\WINDOWS', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramData: 'C:\\ProgramData' }),
};
const LINUX: HotFolderLimits = {
  platform: 'linux',
  protectedTrees: ['/home/mrossi/.config/Sportello Abilitazioni'],
  profileRoots: ['/home/mrossi'],
  systemTrees: systemFolders('linux', {}),
};

describe('hotFolderProblem', () => {
  it.each([
    ['C:\\Scansioni', WINDOWS],
    ['C:\\Users\\mrossi\\Documents\\Scansioni', WINDOWS],
    ['\\\\scanner-rm01\\scansioni\\sportello', WINDOWS],
    ['D:\\Scanner\\in', WINDOWS],
    ['/srv-not/scansioni', LINUX],
    ['/home/mrossi/Scansioni', LINUX],
    ['/media/scanner/in', LINUX],
    ['/tmp/sportello-hot-1', LINUX],
  ])('accepts %s', (folder, limits) => {
    expect(hotFolderProblem(folder, dir(folder), limits)).toBeNull();
  });

  it.each([
    // userData, inside it, around it (the data key file lives there)
    ['C:\\Users\\mrossi\\AppData\\Roaming\\Sportello Abilitazioni', WINDOWS],
    ['c:\\users\\MROSSI\\appdata\\roaming\\sportello abilitazioni\\', WINDOWS],
    ['C:\\Users\\mrossi\\AppData\\Roaming\\Sportello Abilitazioni\\logs', WINDOWS],
    ['C:\\Users\\mrossi\\AppData\\Roaming', WINDOWS],
    ['C:\\Users\\mrossi\\AppData', WINDOWS],
    // the profile itself and what contains it
    ['C:\\Users\\mrossi', WINDOWS],
    ['C:\\Users', WINDOWS],
    // system folders and inside them, the app's own folder
    ['C:\\Windows', WINDOWS],
    ['C:\\Windows\\System32', WINDOWS],
    ['C:\\Program Files\\Sportello Abilitazioni\\resources', WINDOWS],
    ['C:\\Program Files', WINDOWS],
    ['C:\\ProgramData\\Scanner', WINDOWS],
    ['C:\\Users\\Public', WINDOWS],
    // a drive root, a share root
    ['C:\\', WINDOWS],
    ['D:\\', WINDOWS],
    ['\\\\server\\share', WINDOWS],
    ['C:\\Users\\mrossi\\AppData\\Roaming\\Sportello Abilitazioni\\..\\Sportello Abilitazioni', WINDOWS],
    ['/home/mrossi/.config/Sportello Abilitazioni', LINUX],
    ['/home/mrossi/.config/Sportello Abilitazioni/drafts', LINUX],
    ['/home/mrossi/.config', LINUX],
    ['/home/mrossi', LINUX],
    ['/home', LINUX],
    ['/', LINUX],
    ['/etc', LINUX],
    ['/etc/ssl', LINUX],
    ['/usr/share', LINUX],
    ['/var/spool/scans', LINUX],
    ['/root', LINUX],
    ['/home/mrossi/Scansioni/../.config/Sportello Abilitazioni', LINUX],
  ])('refuses %s as protected', (folder, limits) => {
    expect(hotFolderProblem(folder, dir(folder), limits)).toBe('settings.error.scannerHotFolderProtected');
  });

  it('refuses a symbolic link, a junction, and a path through a linked folder', () => {
    expect(hotFolderProblem('/home/mrossi/Scansioni', { isDirectory: false, isSymbolicLink: true, realPath: '/home/mrossi/.config/Sportello Abilitazioni' }, LINUX)).toBe('settings.error.scannerHotFolderLink');
    expect(hotFolderProblem('C:\\Scansioni', { isDirectory: false, isSymbolicLink: true, realPath: 'C:\\Users\\mrossi\\AppData\\Roaming\\Sportello Abilitazioni' }, WINDOWS)).toBe('settings.error.scannerHotFolderLink');
    expect(hotFolderProblem('/media/scanner/in', dir('/home/mrossi/.config/Sportello Abilitazioni'), LINUX)).toBe('settings.error.scannerHotFolderLink');
  });

  it.each([
    ['', dir('/')],
    ['relative/folder', dir('relative/folder')],
    ['C:Scansioni', dir('C:Scansioni')],
    ['/media/scanner/in', null],
    ['/media/scanner/in.pdf', { isDirectory: false, isSymbolicLink: false, realPath: '/media/scanner/in.pdf' }],
  ])('refuses %j as missing or not a folder', (folder, facts) => {
    expect(hotFolderProblem(folder, facts, folder.startsWith('C:') ? WINDOWS : LINUX)).toBe('settings.error.scannerHotFolder');
  });
});
