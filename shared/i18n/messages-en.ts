import type { Messages } from './messages-it';
import { noticesEn } from './notices-en';
import { documentReadingEn } from './document-reading-en';
import { storeEn } from './store-en';
import { caseListEn } from './case-list-en';
import { intakeEn } from './intake-en';
import { identityEn } from './identity-en';
import { centralEn } from './central-en';
import { syncEn } from './sync-en';
import { diagnosticsEn } from './diagnostics-en';
import { walkInEn } from './walk-in-en';
import { bundleEn } from './bundle-en';
import { securityEn } from './security-en';

export const messagesEn: Messages = {
  'app.title': 'Sportello Abilitazioni',
  'app.subtitle': 'Online services enablement for external doctors and hospitals',
  'nav.label': 'Main navigation',
  'nav.cases': 'Cases',
  'nav.settings': 'Settings',
  'nav.diagnostics': 'Diagnostics',
  'cases.heading': 'Counter cases',
  'cases.empty': 'No cases yet. Cases taken at the counter will appear here.',
  'settings.heading': 'Workstation settings',
  'settings.officeCode': 'Office code',
  'settings.officeName': 'Office name',
  'settings.officeAddress': 'Office address',
  'settings.workstationName': 'Workstation name',
  'settings.workstationCode': 'Workstation code in case numbers (e.g. P2; required when the office has several workstations)',
  'settings.centralServiceUrl': 'Central service address',
  'settings.scannerHotFolder': 'Scanner folder',
  'settings.retentionDays': 'Days images are kept after acknowledgement',
  'settings.autoLockMinutes': 'Auto-lock after minutes of inactivity',
  'settings.locale': 'Language',
  'settings.save': 'Save settings',
  'settings.saved': 'Settings saved.',
  'settings.error.officeCode': 'Invalid office code: use 2 to 12 capital letters or digits.',
  'settings.error.workstationCode': 'Invalid workstation code: 1 to 3 capital letters or digits, different for each workstation of the office.',
  'settings.error.workstationName': 'Invalid workstation name: at most 64 printable characters.',
  'settings.error.centralServiceUrl': 'Invalid central service address: give a full https address, e.g. https://service.inail.it.',
  'settings.error.centralServiceInsecure': 'Insecure central service address: only https is allowed beyond this computer.',
  'settings.error.scannerHotFolder': 'The scanner folder does not exist or cannot be accessed.',
  'settings.error.retentionDays': 'Invalid retention days: give a whole number from 0 to 3650.',
  'settings.error.autoLockMinutes': 'Invalid auto-lock minutes: give a whole number from 1 to 240.',
  'settings.error.text': 'Text too long: at most 200 characters.',
  'settings.error.field': 'Field “{field}”: {message} The previous settings remain in force.',
  'diagnostics.heading': 'Diagnostics',
  'diagnostics.version': 'Version',
  'diagnostics.runtime': 'Runtime',
  'diagnostics.platform': 'System',
  'diagnostics.today': 'Today',
  'locale.it': 'Italiano',
  'locale.en': 'English',
  'error.ipc.untrustedSender': 'Request refused: it comes from an unauthorised page.',
  'error.ipc.invalidPayload': 'Invalid request: the data sent is not in the expected format.',
  'error.ipc.internal': 'Internal application error. Try again; if it repeats, contact IT support.',
  'error.keys.unavailable': 'Operating-system encryption is unavailable: data cannot be protected. Contact IT support.',
  'error.keys.basicText': 'This computer has no secure keyring (gnome-keyring or KWallet): the app stores no personal data without one. Contact IT support.',
  'error.keys.unwrapFailed': 'The local encryption key cannot be read (user profile changed?). Contact IT support: no data was deleted.',
  'error.generic': 'An unexpected error occurred. No data was lost.',
  // feature areas: spread their catalogues below
  ...noticesEn,
  ...caseListEn,
  ...documentReadingEn,
  ...intakeEn,
  ...storeEn,
  ...identityEn,
  ...centralEn,
  ...syncEn,
  ...diagnosticsEn,
  ...walkInEn,
  ...bundleEn,
  ...securityEn,
};
