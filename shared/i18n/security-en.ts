import type { securityIt } from './security-it';

export const securityEn: Record<keyof typeof securityIt, string> = {
  'accounts.error.tampered': 'The clerk accounts on this workstation were deleted or changed outside the application: sign-in is blocked and no new first-run set-up is offered. No data was deleted. Contact IT support.',
  'settings.adminOnly': 'Only an administrator can change the workstation settings. Here you can change only the interface language.',
  'settings.chooseHotFolder': 'Choose folder…',
  'settings.clearHotFolder': 'No folder',
  'settings.hotFolderNone': 'No folder chosen.',
  'settings.error.scannerHotFolderProtected': 'Scanner folder not allowed: it is (or contains) a system folder, the user profile or the application’s data. Choose a folder set aside for scans.',
  'settings.error.scannerHotFolderLink': 'Scanner folder not allowed: it is a link (symbolic link or junction). Choose the real folder.',
};
