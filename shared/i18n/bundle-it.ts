/** Strings of the case bundle (moving a queue to another workstation): renderer/sync/case-bundle-*, the Invio screen. */
export const bundleIt = {
  'bundle.heading': 'Trasferimento delle pratiche su un’altra postazione',
  'bundle.intro':
    'Se questa postazione va sostituita prima di aver inviato tutto, esportare le pratiche in coda in un pacchetto cifrato (per esempio su una chiavetta USB) e importarlo su un’altra postazione registrata della stessa sede. Il servizio centrale riceve ogni pratica una sola volta.',
  'bundle.export.heading': 'Esporta le pratiche in coda',
  'bundle.export.candidates': 'Pratiche da esportare: {count} (in coda, in invio o da controllare).',
  'bundle.export.undecided': 'Pratiche non ancora decise, che non vengono esportate: {count}. Completarle e deciderle prima di esportare, altrimenti restano solo su questa postazione.',
  'bundle.export.passphrase': 'Passphrase del pacchetto',
  'bundle.export.passphraseRepeat': 'Ripetere la passphrase',
  'bundle.export.passphraseHint':
    'Almeno 12 caratteri. Comunicarla a chi importa il pacchetto per un canale diverso dalla chiavetta: senza la passphrase il pacchetto non si apre.',
  'bundle.export.submit': 'Esporta in un pacchetto cifrato',
  'bundle.export.busy': 'Esportazione in corso…',
  'bundle.export.done': 'Pacchetto salvato in {path}: {count} pratiche esportate. Su questa postazione il loro invio è sospeso.',
  'bundle.export.remaining': 'Restano {count} pratiche da esportare (il pacchetto ha raggiunto la dimensione massima): ripetere l’esportazione su un altro file.',
  'bundle.export.cancelled': 'Salvataggio annullato: nessuna pratica è stata esportata e l’invio continua da questa postazione.',
  'bundle.export.nothing': 'Nessuna pratica in coda da esportare.',
  'bundle.export.passphraseShort': 'La passphrase deve avere almeno 12 caratteri.',
  'bundle.export.passphraseMismatch': 'Le due passphrase non coincidono: riscriverle.',
  'bundle.export.noOffice': 'Codice sede non noto: registrare la postazione o indicare il codice sede in Impostazioni prima di esportare. Le pratiche restano in coda.',
  'bundle.export.caseTooLarge': 'La pratica {number} da sola supera la dimensione massima di un pacchetto: non può essere esportata e resta in coda su questa postazione.',
  'bundle.export.changed': 'Una pratica è cambiata durante l’esportazione: il file appena salvato non va usato. Ripetere l’esportazione; intanto l’invio continua da questa postazione.',
  'bundle.error.saveFailed':
    'Impossibile salvare il pacchetto nella posizione scelta (disco pieno, chiavetta rimossa o protetta da scrittura): scegliere un’altra posizione e riprovare. Nessuna pratica è stata esportata.',
  'bundle.error.invalidContent': 'Il contenuto da salvare non è un pacchetto di pratiche: nessun file è stato scritto. Segnalarlo all’assistenza informatica.',
  'bundle.state.exported': 'Esportata in un pacchetto: invio sospeso su questa postazione',
  'bundle.exportedAt': 'Esportata il {date} alle {time}.',
  'bundle.resumeHere': 'Riprendi l’invio da questa postazione',
  'bundle.resumeHint': 'Se il pacchetto è andato perso o non verrà importato, riprendere l’invio da qui: il servizio centrale riceve comunque la pratica una sola volta.',
  'bundle.rollup.exported': 'Pratiche esportate in un pacchetto, con invio sospeso su questa postazione: {count}.',
  'bundle.import.heading': 'Importa un pacchetto',
  'bundle.import.file': 'File del pacchetto (.sportello)',
  'bundle.import.passphrase': 'Passphrase del pacchetto da importare',
  'bundle.import.submit': 'Importa pacchetto',
  'bundle.import.busy': 'Importazione in corso…',
  'bundle.import.done': 'Pacchetto importato: {count} pratiche aggiunte alla coda di invio di questa postazione.',
  'bundle.import.skipped': 'Già presenti su questa postazione, quindi non importate di nuovo: {numbers}.',
  'bundle.import.collision':
    'Con lo stesso numero di una pratica già presente su questa postazione: {numbers}. Le pratiche importate conservano il loro numero (è quello stampato sulla ricevuta del richiedente); nell’elenco si distinguono per nome.',
  'bundle.import.nothingNew': 'Tutte le pratiche del pacchetto sono già su questa postazione: nulla da importare.',
  'bundle.error.noFile': 'Scegliere il file del pacchetto (.sportello).',
  'bundle.error.passphraseEmpty': 'Inserire la passphrase con cui il pacchetto è stato esportato.',
  'bundle.error.unreadableFile': 'Il file scelto non si può leggere (chiavetta rimossa?): ricollegare la chiavetta e sceglierlo di nuovo. Nessuna pratica è stata importata.',
  'bundle.error.notABundle': 'Il file scelto non è un pacchetto di pratiche dello Sportello: scegliere il file .sportello salvato con «Esporta in un pacchetto cifrato». Nessuna pratica è stata importata.',
  'bundle.error.unsupportedVersion':
    'Il pacchetto è nel formato {version}, che questa versione dell’applicazione non legge (legge il formato {supported}): aggiornare l’applicazione su questa postazione e riprovare. Nessuna pratica è stata importata.',
  'bundle.error.wrongPassphrase':
    'Passphrase errata: il pacchetto non si apre. Controllare maiuscole e minuscole e riprovare; se la passphrase è quella giusta, il file è stato modificato: usare un’altra copia. Nessuna pratica è stata importata.',
  'bundle.error.damaged':
    'Il pacchetto è danneggiato o è stato modificato dopo l’esportazione: non viene importato nulla. Usare un’altra copia del file o ripetere l’esportazione dalla postazione di origine.',
  'bundle.error.truncated':
    'Il pacchetto è incompleto (il file è stato copiato solo in parte): non viene importato nulla. Copiare di nuovo il file attendendo la fine della copia, oppure ripetere l’esportazione.',
  'bundle.error.tooLarge': 'Il file supera la dimensione massima di un pacchetto (192 MB): non è un pacchetto valido. Nessuna pratica è stata importata.',
  'bundle.error.otherOffice':
    'Il pacchetto contiene pratiche della sede {bundleOffice}, ma questa postazione è registrata per la sede {office}: importarlo su una postazione della sede {bundleOffice}. Nessuna pratica è stata importata.',
  'bundle.error.notEnrolled': 'Registrare prima questa postazione presso il servizio centrale: solo così si sa a quale sede appartiene. Nessuna pratica è stata importata.',
} as const;

export type BundleMessageKey = keyof typeof bundleIt;
