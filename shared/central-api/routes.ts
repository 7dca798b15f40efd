import { z } from 'zod';
import {
  AdminCaseDetail,
  AdminCaseList,
  AdminCasesQuery,
  AttachmentParams,
  EnrollmentCodeIssued,
  EnrollmentCodeRequest,
  Office,
  OfficeInput,
  OfficeParams,
  SetCaseStatusRequest,
  WorkstationList,
  WorkstationParams,
  WorkstationRecord,
  WorkstationsQuery,
} from './admin';
import { CaseIdParams, CaseStatusView, CaseSubmission, Receipt } from './cases';
import { CaseChange, ChangeFeedPage, ChangesQuery } from './changes';
import { EnrollmentRequest, EnrollmentResponse, WorkstationIdentity } from './enrollment';

export type RouteAuth = 'none' | 'workstation' | 'admin';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT';
  /** OpenAPI-style template under the server root, e.g. `/api/v1/cases/{caseId}`. */
  path: string;
  auth: RouteAuth;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** JSON responses by success status; `binary` routes answer raw bytes instead. */
  responses: Partial<Record<200 | 201, z.ZodType>>;
  binary?: true;
}

/**
 * Every JSON route of the central service (the tus upload endpoint is described separately: it is
 * served by @tus/server). The server's router, the OpenAPI document and the tests read this table.
 */
export const centralRoutes = {
  enroll: {
    method: 'POST',
    path: '/api/v1/enrollments',
    auth: 'none',
    summary: 'Registra una postazione con il codice sede e un codice di attivazione monouso',
    body: EnrollmentRequest,
    responses: { 201: EnrollmentResponse },
  },
  whoAmI: {
    method: 'GET',
    path: '/api/v1/workstation',
    auth: 'workstation',
    summary: 'Identità della postazione e ora del server (anche prova di connettività)',
    responses: { 200: WorkstationIdentity },
  },
  putCase: {
    method: 'PUT',
    path: '/api/v1/cases/{caseId}',
    auth: 'workstation',
    summary: 'Registra la pratica dopo aver verificato ogni allegato; idempotente sul caseId',
    params: CaseIdParams,
    body: CaseSubmission,
    responses: { 201: Receipt, 200: Receipt },
  },
  getCase: {
    method: 'GET',
    path: '/api/v1/cases/{caseId}',
    auth: 'workstation',
    summary: 'Ricevuta e stato di una pratica della propria sede',
    params: CaseIdParams,
    responses: { 200: CaseStatusView },
  },
  listChanges: {
    method: 'GET',
    path: '/api/v1/changes',
    auth: 'workstation',
    summary: 'Variazioni di stato delle pratiche della propria sede, dal cursore indicato',
    query: ChangesQuery,
    responses: { 200: ChangeFeedPage },
  },
  adminPutOffice: {
    method: 'PUT',
    path: '/api/v1/admin/offices/{officeCode}',
    auth: 'admin',
    summary: 'Crea una sede (idempotente)',
    params: OfficeParams,
    body: OfficeInput,
    responses: { 201: Office, 200: Office },
  },
  adminIssueEnrollmentCode: {
    method: 'POST',
    path: '/api/v1/admin/offices/{officeCode}/enrollment-codes',
    auth: 'admin',
    summary: 'Emette un codice di attivazione monouso per una postazione della sede',
    params: OfficeParams,
    body: EnrollmentCodeRequest,
    responses: { 201: EnrollmentCodeIssued },
  },
  adminListWorkstations: {
    method: 'GET',
    path: '/api/v1/admin/workstations',
    auth: 'admin',
    summary: 'Elenco delle postazioni registrate',
    query: WorkstationsQuery,
    responses: { 200: WorkstationList },
  },
  adminRevokeWorkstation: {
    method: 'POST',
    path: '/api/v1/admin/workstations/{workstationId}/revoke',
    auth: 'admin',
    summary: 'Revoca la registrazione di una postazione',
    params: WorkstationParams,
    responses: { 200: WorkstationRecord },
  },
  adminListCases: {
    method: 'GET',
    path: '/api/v1/admin/cases',
    auth: 'admin',
    summary: 'Elenco delle pratiche ricevute, in ordine di arrivo',
    query: AdminCasesQuery,
    responses: { 200: AdminCaseList },
  },
  adminGetCase: {
    method: 'GET',
    path: '/api/v1/admin/cases/{caseId}',
    auth: 'admin',
    summary: 'Pratica completa con ricevuta e storico degli stati',
    params: CaseIdParams,
    responses: { 200: AdminCaseDetail },
  },
  adminSetCaseStatus: {
    method: 'POST',
    path: '/api/v1/admin/cases/{caseId}/status',
    auth: 'admin',
    summary: 'Imposta lo stato di una pratica (in esame, approvata, respinta con motivi)',
    params: CaseIdParams,
    body: SetCaseStatusRequest,
    responses: { 200: CaseChange },
  },
  adminGetAttachment: {
    method: 'GET',
    path: '/api/v1/admin/cases/{caseId}/attachments/{attachmentId}',
    auth: 'admin',
    summary: 'Contenuto di un allegato così come archiviato',
    params: AttachmentParams,
    responses: {},
    binary: true,
  },
} as const satisfies Record<string, RouteSpec>;

export type CentralRoutes = typeof centralRoutes;
export type RouteId = keyof CentralRoutes;
