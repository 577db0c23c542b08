// Words for an API failure that has no field to sit next to.
import type { TFunction } from 'i18next';
import { ApiError } from './api.js';

export function apiErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('common.errorGeneric');
  if (error.status === 0) return t('common.errorNetwork');
  if (error.status === 429) return t('common.errorRateLimited');
  if (error.status === 403) return t('common.errorForbidden');
  if (error.status >= 500) return t('common.errorGeneric');
  return error.message;
}
