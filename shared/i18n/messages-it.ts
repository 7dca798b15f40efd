import { storeIt } from './store-it';
import { noticesIt } from './notices-it';
import { caseListIt } from './case-list-it';
import { documentReadingIt } from './document-reading-it';
import { intakeIt } from './intake-it';
import { identityIt } from './identity-it';
import { centralIt } from './central-it';
import { syncIt } from './sync-it';
import { diagnosticsIt } from './diagnostics-it';
import { walkInIt } from './walk-in-it';
import { bundleIt } from './bundle-it';
import { securityIt } from './security-it';

/**
 * Italian is the reference catalogue: every key exists here; other languages must match its keys.
 * Each feature area keeps its messages in its own `<area>-it.ts` / `<area>-en.ts` pair, spread here.
 */
export const messagesIt = {
  'app.title': 'Sportello Abilitazioni',
  'app.subtitle': 'Abilitazione ai servizi telematici per Medici esterni e Presidi ospedalieri',
  'nav.label': 'Navigazione principale',
  'nav.cases': 'Pratiche',
  'nav.settings': 'Impostazioni',
  'nav.diagnostics': 'Diagnostica',
  'cases.heading': 'Pratiche allo sportello',
  'cases.empty': 'Nessuna pratica. Le pratiche acquisite allo sportello compariranno qui.',
  'settings.heading': 'Impostazioni della postazione',
  'settings.officeCode': 'Codice sede',
  'settings.officeName': 'Nome della sede',
  'settings.officeAddress': 'Indirizzo della sede',
  'settings.workstationName': 'Nome della postazione',
  'settings.workstationCode': 'Codice della postazione nei numeri di pratica (es. P2; obbligatorio se la sede ha più postazioni)',
  'settings.centralServiceUrl': 'Indirizzo del servizio centrale',
  'settings.scannerHotFolder': 'Cartella dello scanner',
  'settings.retentionDays': 'Giorni di conservazione delle immagini dopo la conferma',
  'settings.autoLockMinutes': 'Blocco automatico dopo minuti di inattività',
  'settings.locale': 'Lingua',
  'settings.save': 'Salva impostazioni',
  'settings.saved': 'Impostazioni salvate.',
  'settings.error.officeCode': 'Codice sede non valido: usare da 2 a 12 lettere maiuscole o cifre.',
  'settings.error.workstationCode': 'Codice della postazione non valido: da 1 a 3 lettere maiuscole o cifre, diverso per ogni postazione della sede.',
  'settings.error.workstationName': 'Nome della postazione non valido: al massimo 64 caratteri stampabili.',
  'settings.error.centralServiceUrl': 'Indirizzo del servizio centrale non valido: indicare un indirizzo https completo, ad esempio https://servizio.inail.it.',
  'settings.error.centralServiceInsecure': 'Indirizzo del servizio centrale non sicuro: fuori da questo computer è ammesso solo https.',
  'settings.error.scannerHotFolder': 'Cartella dello scanner inesistente o non accessibile.',
  'settings.error.retentionDays': 'Giorni di conservazione non validi: indicare un numero intero da 0 a 3650.',
  'settings.error.autoLockMinutes': 'Minuti di blocco automatico non validi: indicare un numero intero da 1 a 240.',
  'settings.error.text': 'Testo troppo lungo: al massimo 200 caratteri.',
  'settings.error.field': 'Campo «{field}»: {message} Le impostazioni precedenti restano in vigore.',
  'diagnostics.heading': 'Diagnostica',
  'diagnostics.version': 'Versione',
  'diagnostics.runtime': 'Ambiente',
  'diagnostics.platform': 'Sistema',
  'diagnostics.today': 'Data di oggi',
  'locale.it': 'Italiano',
  'locale.en': 'English',
  'error.ipc.untrustedSender': 'Richiesta rifiutata: proviene da una pagina non autorizzata.',
  'error.ipc.invalidPayload': 'Richiesta non valida: i dati inviati non sono nel formato previsto.',
  'error.ipc.internal': 'Errore interno dell’applicazione. Riprovare; se si ripete, contattare l’assistenza informatica.',
  'error.keys.unavailable': 'La cifratura del sistema operativo non è disponibile: i dati non possono essere protetti. Contattare l’assistenza informatica.',
  'error.keys.basicText': 'Su questo computer manca un portachiavi sicuro (gnome-keyring o KWallet): l’applicazione non salva dati personali senza di esso. Contattare l’assistenza informatica.',
  'error.keys.unwrapFailed': 'La chiave di cifratura locale non può essere letta (profilo utente cambiato?). Contattare l’assistenza informatica: i dati non sono stati cancellati.',
  'error.generic': 'Si è verificato un errore imprevisto. Nessun dato è stato perso.',
  // feature areas: spread their catalogues below
  ...noticesIt,
  ...caseListIt,
  ...documentReadingIt,
  ...intakeIt,
  ...storeIt,
  ...identityIt,
  ...centralIt,
  ...syncIt,
  ...diagnosticsIt,
  ...walkInIt,
  ...bundleIt,
  ...securityIt,
} as const;

export type MessageKey = keyof typeof messagesIt;
export type Messages = Record<MessageKey, string>;
