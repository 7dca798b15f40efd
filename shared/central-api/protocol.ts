/** Fixed names of the central-service protocol, shared by server, clients and tests. */
export const API_BASE_PATH = '/api/v1';
export const UPLOADS_PATH = `${API_BASE_PATH}/uploads`;

/** Every response carries the server's clock (ISO 8601 UTC, ms) so a client can detect skew. */
export const SERVER_TIME_HEADER = 'X-Server-Time';

/** Case category required by INAIL for these requests (DOMAIN.md, seeds). */
export const CASE_CATEGORY = 'Prestazioni a tutela del Lavoratore – Assistenza ai servizi online – Registrazione ed autenticazione';
