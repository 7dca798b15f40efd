/** Access to the workstation's protected parts: sealed accounts, admin-only settings, the scanner folder. */
export const securityIt = {
  'accounts.error.tampered': 'Gli account degli operatori su questa postazione risultano cancellati o modificati fuori dall’applicazione: l’accesso è bloccato e non viene proposto un nuovo primo avvio. Nessun dato è stato cancellato. Contattare l’assistenza informatica.',
  'settings.adminOnly': 'Le impostazioni della postazione possono essere modificate solo da un amministratore. Qui si può cambiare soltanto la lingua dell’interfaccia.',
  'settings.chooseHotFolder': 'Scegli la cartella…',
  'settings.clearHotFolder': 'Nessuna cartella',
  'settings.hotFolderNone': 'Nessuna cartella scelta.',
  'settings.error.scannerHotFolderProtected': 'Cartella dello scanner non ammessa: è (o contiene) una cartella di sistema, del profilo utente o dei dati dell’applicazione. Scegliere una cartella riservata alle scansioni.',
  'settings.error.scannerHotFolderLink': 'Cartella dello scanner non ammessa: è un collegamento (link simbolico o giunzione). Scegliere la cartella reale.',
} as const;
