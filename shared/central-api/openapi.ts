import { z } from 'zod';
import { centralErrors, ApiErrorBody } from './errors';
import { API_BASE_PATH, SERVER_TIME_HEADER, UPLOADS_PATH } from './protocol';
import { centralRoutes, type RouteSpec } from './routes';
import { UploadMetadata } from './uploads';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12 already: the per-schema dialect marker is noise.
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
};

const serverTimeHeader = {
  [SERVER_TIME_HEADER]: { description: 'Ora del server (ISO 8601, UTC) per rilevare lo sfasamento dell’orologio', schema: { type: 'string', format: 'date-time' } },
};
const errorResponse = (description: string) => ({
  description,
  headers: serverTimeHeader,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = schemaOf(schema, 'output') as { properties?: Record<string, JsonSchema> };
  // Whether a client must send a parameter is an input question: a defaulted one is optional.
  const required = (schemaOf(schema, 'input') as { required?: string[] }).required ?? [];
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    schema: property,
  }));
}

function operationOf(id: string, route: RouteSpec) {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] = { description: status === '201' ? 'Creato' : 'OK', headers: serverTimeHeader, content: { 'application/json': { schema: schemaOf(schema as z.ZodType, 'output') } } };
  }
  if (route.binary) responses['200'] = { description: 'Contenuto dell’allegato', headers: serverTimeHeader, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
  responses['4XX'] = errorResponse('Richiesta rifiutata: vedere `code`');
  responses['5XX'] = errorResponse('Errore del servizio: riprovare con attesa crescente');
  return {
    operationId: id,
    summary: route.summary,
    tags: [route.auth === 'admin' ? 'admin' : 'workstation'],
    security: route.auth === 'none' ? [] : [{ [route.auth === 'admin' ? 'adminToken' : 'workstationToken']: [] }],
    parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    responses,
  };
}

const tusHeaders = ['Tus-Resumable', 'Upload-Offset', 'Upload-Length', 'Location'];

/** The resumable upload endpoint (tus 1.0.0, served by @tus/server): described, not generated. */
function uploadPaths() {
  const security = [{ workstationToken: [] }];
  const tus = { name: 'Tus-Resumable', in: 'header', required: true, schema: { const: '1.0.0' } };
  return {
    [UPLOADS_PATH]: {
      post: {
        operationId: 'createUpload',
        summary: 'Crea un caricamento tus per un allegato (Upload-Length obbligatorio, Upload-Metadata con caseId, attachmentId, sha256)',
        tags: ['workstation'],
        security,
        parameters: [
          tus,
          { name: 'Upload-Length', in: 'header', required: true, schema: { type: 'integer', minimum: 1 } },
          { name: 'Upload-Metadata', in: 'header', required: true, description: 'Coppie `chiave base64(valore)` separate da virgole; chiavi:', schema: { type: 'string' }, 'x-metadata': schemaOf(UploadMetadata, 'input') },
        ],
        responses: { '201': { description: 'Creato; `Location` relativo', headers: serverTimeHeader }, '4XX': errorResponse('Metadati non validi (400), allegato troppo grande (413), non autenticato (401)') },
      },
    },
    [`${UPLOADS_PATH}/{uploadId}`]: {
      parameters: [{ name: 'uploadId', in: 'path', required: true, schema: { type: 'string' } }, tus],
      head: { operationId: 'uploadOffset', summary: 'Posizione attuale del caricamento (Upload-Offset)', tags: ['workstation'], security, responses: { '200': { description: 'OK', headers: serverTimeHeader }, '4XX': errorResponse('Sconosciuto (404) o scaduto (410)') } },
      patch: {
        operationId: 'appendUpload',
        summary: 'Aggiunge byte dalla posizione Upload-Offset; all’ultimo byte lo SHA-256 è verificato (422 se diverso)',
        tags: ['workstation'],
        security,
        requestBody: { required: true, content: { 'application/offset+octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
        responses: { '204': { description: 'Byte accettati', headers: serverTimeHeader }, '4XX': errorResponse('Posizione errata (409), sconosciuto (404), scaduto (410), impronta diversa (422)') },
      },
      delete: { operationId: 'terminateUpload', summary: 'Abbandona un caricamento non finito', tags: ['workstation'], security, responses: { '204': { description: 'Eliminato' }, '4XX': errorResponse('Sconosciuto o già finito') } },
    },
  };
}

/** OpenAPI 3.1 document of the central service, generated from the zod contract. */
export function buildCentralOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, route] of Object.entries(centralRoutes) as [string, RouteSpec][]) {
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operationOf(id, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sportello Abilitazioni — servizio centrale',
      version,
      description:
        `API ${API_BASE_PATH} del servizio centrale. Ogni risposta porta l'intestazione ${SERVER_TIME_HEADER}. ` +
        `Gli errori sono JSON { code, message } con message in italiano; i codici stabili sono: ${Object.keys(centralErrors).join(', ')}. ` +
        `Intestazioni tus esposte: ${tusHeaders.join(', ')}.`,
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Servizio di riferimento in locale (npm run central)' }],
    components: {
      securitySchemes: {
        workstationToken: { type: 'http', scheme: 'bearer', description: 'Token della postazione ottenuto con POST /api/v1/enrollments' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'Token di amministrazione dalla configurazione del servizio' },
      },
      schemas: { ApiError: schemaOf(ApiErrorBody, 'output') },
    },
    paths: { ...paths, ...uploadPaths() },
  };
}
