import { centralErrorMessage, centralErrors, type ApiErrorBody, type CentralErrorCode } from '../../shared/central-api/errors';

/** A refusal with a stable code; the HTTP layer turns it into `{ code, message }` with the code's status. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: CentralErrorCode,
    readonly details?: ApiErrorBody['details'],
  ) {
    super(code);
    this.status = centralErrors[code].status;
  }

  get body(): ApiErrorBody {
    return { code: this.code, message: centralErrorMessage(this.code), ...(this.details ? { details: this.details } : {}) };
  }
}
