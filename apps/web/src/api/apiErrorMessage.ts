/**
 * What a failed API call means to the user, in the user's language. The
 * server's own messages are English and written for operators, so the
 * client says it in its own words, per status where the caller knows them.
 */
import type { TFunction } from 'i18next'
import { ApiRequestError } from './ApiRequestError.ts'

export function apiErrorMessage(
  error: unknown,
  t: TFunction<'translation'>,
  byStatus: Partial<Record<number, string>> = {},
): string {
  if (!(error instanceof ApiRequestError)) return t('errors.unexpected', { status: '?' })
  if (error.isNetworkError) return t('errors.network')
  return byStatus[error.status] ?? t('errors.unexpected', { status: error.status })
}
