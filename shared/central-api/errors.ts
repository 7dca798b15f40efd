import { z } from 'zod';

/**
 * Every error the central service answers with: a stable code the client branches on, the HTTP
 * status it comes with, and the Italian message put in the body. What a client should do next is
 * documented per code in docs/central-service.md.
 */
export const centralErrors = {
  INVALID_JSON: { status: 400, message: 'Il corpo della richiesta non è un JSON valido.' },
  INVALID_REQUEST: { status: 400, message: 'La richiesta non è valida: controllare i campi indicati.' },
  CASE_ID_MISMATCH: { status: 400, message: "L'identificativo della pratica nel percorso non coincide con quello nel corpo." },
  UPLOAD_METADATA_INVALID: { status: 400, message: 'I metadati del caricamento (caseId, attachmentId, sha256) mancano o non sono validi.' },
  UPLOAD_PROTOCOL_ERROR: { status: 400, message: 'Richiesta di caricamento non conforme al protocollo tus.' },
  UNAUTHENTICATED: { status: 401, message: 'Autenticazione mancante o non valida: la postazione deve essere registrata.' },
  TOKEN_REVOKED: { status: 401, message: 'La registrazione di questa postazione è stata revocata: registrarla di nuovo con un codice di attivazione.' },
  FORBIDDEN: { status: 403, message: 'Operazione non consentita con queste credenziali.' },
  ENROLLMENT_CODE_INVALID: { status: 403, message: 'Codice di attivazione non valido, già usato o scaduto per questa sede.' },
  NOT_FOUND: { status: 404, message: 'Risorsa non trovata.' },
  CASE_NOT_FOUND: { status: 404, message: 'Pratica non trovata.' },
  OFFICE_NOT_FOUND: { status: 404, message: 'Sede non trovata.' },
  WORKSTATION_NOT_FOUND: { status: 404, message: 'Postazione non trovata.' },
  ATTACHMENT_NOT_FOUND: { status: 404, message: 'Allegato non trovato.' },
  UPLOAD_NOT_FOUND: { status: 404, message: 'Caricamento non trovato: ricominciarlo da capo.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Metodo non consentito per questa risorsa.' },
  CASE_CONFLICT: { status: 409, message: 'Esiste già una pratica con questo identificativo ma con contenuto diverso: la pratica non è stata registrata.' },
  OFFICE_CONFLICT: { status: 409, message: 'Esiste già una sede con questo codice ma con un nome diverso.' },
  INVALID_STATUS_TRANSITION: { status: 409, message: 'Lo stato della pratica non può passare allo stato richiesto.' },
  ATTACHMENT_UPLOAD_MISSING: { status: 409, message: 'Un allegato della pratica non risulta caricato: caricarlo di nuovo e ripetere l’invio.' },
  ATTACHMENT_UPLOAD_INCOMPLETE: { status: 409, message: 'Un allegato della pratica non è stato caricato per intero: completare il caricamento e ripetere l’invio.' },
  ATTACHMENT_UPLOAD_MISMATCH: { status: 409, message: 'Il caricamento indicato appartiene a un altro allegato o a un’altra pratica.' },
  UPLOAD_OFFSET_CONFLICT: { status: 409, message: 'La posizione del caricamento non coincide con quella del server: riprendere dalla posizione attuale.' },
  UPLOAD_EXPIRED: { status: 410, message: 'Il caricamento è scaduto sul server: ricominciarlo da capo.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'La richiesta supera la dimensione massima consentita.' },
  UPLOAD_TOO_LARGE: { status: 413, message: "L'allegato supera la dimensione massima consentita." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Il corpo della richiesta deve essere JSON (Content-Type: application/json).' },
  ATTACHMENT_HASH_MISMATCH: { status: 422, message: "L'impronta SHA-256 dell'allegato ricevuto non coincide con quella dichiarata: caricarlo di nuovo." },
  INTERNAL_ERROR: { status: 500, message: 'Errore interno del servizio centrale: riprovare più tardi.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'Servizio centrale momentaneamente non disponibile: riprovare più tardi.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type CentralErrorCode = keyof typeof centralErrors;
export const CENTRAL_ERROR_CODES = Object.keys(centralErrors) as [CentralErrorCode, ...CentralErrorCode[]];

/** One offending field of an invalid request; never echoes the submitted value (it may be personal data). */
export const ErrorDetail = z
  .object({ path: z.string().max(200), issue: z.string().max(300) })
  .strict();

export const ApiErrorBody = z
  .object({
    code: z.enum(CENTRAL_ERROR_CODES),
    message: z.string(),
    details: z.array(ErrorDetail).max(50).optional(),
  })
  .strict();
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
