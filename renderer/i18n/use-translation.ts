import { useCallback } from 'react';
import { translate, isMessageKey } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { IpcCallError } from '../../shared/ipc/result';
import { useAppStore } from '../app/app-store';
import { StoreError } from '../store/store-error';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useTranslation(): Translate {
  const locale = useAppStore((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

/** Turns any thrown error into a sentence for the clerk; unknown errors get the generic one. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof StoreError) return t(error.messageKey, error.details);
  if (error instanceof IpcCallError && isMessageKey(error.error.messageKey)) {
    return t(error.error.messageKey, error.error.details);
  }
  return t('error.generic');
}
