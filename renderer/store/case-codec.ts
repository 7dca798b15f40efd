import { CaseRecord } from '../../shared/case/case';
import { caseSearchTerms } from '../../shared/case/search-terms';
import type { DataCipher } from './data-cipher';
import type { StoredCase } from './database';
import { StoreError } from './store-error';

/** The personal part of a case, sealed as one ciphertext bound to the case id. */
interface SealedCaseContent {
  form: CaseRecord['form'];
  urgentReason: string;
  decision: CaseRecord['decision'];
}

const caseBinding = (id: string) => `case:${id}`;

/** A case as it goes to disk: plain columns for indexes, blind search tokens, the rest sealed. */
export async function sealCase(record: CaseRecord, cipher: DataCipher): Promise<StoredCase> {
  const content: SealedCaseContent = { form: record.form, urgentReason: record.urgentReason, decision: record.decision };
  const tokens = await Promise.all(caseSearchTerms(record.number, record.form).map((term) => cipher.blindToken(term)));
  return {
    id: record.id,
    number: record.number,
    state: record.state,
    urgent: record.urgent,
    priority: record.urgent ? 1 : 0,
    profile: record.profile,
    outcome: record.decision?.outcome ?? null,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    acknowledgedAt: record.acknowledgedAt,
    searchTokens: tokens,
    sealed: await cipher.sealJson(content, caseBinding(record.id)),
  };
}

/** Opens a stored case; a failed tag or a content that is not a case is an integrity failure. */
export async function openCase(row: StoredCase, cipher: DataCipher): Promise<CaseRecord> {
  const content = (await cipher.openJson(row.sealed, caseBinding(row.id))) as Partial<SealedCaseContent> | null;
  const parsed = CaseRecord.safeParse({
    id: row.id,
    number: row.number,
    profile: row.profile,
    urgent: row.urgent,
    urgentReason: content?.urgentReason,
    form: content?.form,
    state: row.state,
    decision: content?.decision,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    acknowledgedAt: row.acknowledgedAt,
  });
  if (!parsed.success) throw new StoreError('store.error.integrity');
  return parsed.data;
}
