/** `verify`: the form of form.json against the reading, with the same check the app uses. */
import type { IdentityCheck, IdDocumentReading } from '../shared/identity/types';

export function verifyAgainstForm(_form: unknown, _reading: IdDocumentReading, _today: string): IdentityCheck {
  throw new Error('TODO: checkFormAgainstDocument from shared/identity is not available yet');
}
