/**
 * A failed call to the Dorfplatz HTTP API, told apart by what the user can do
 * about it: a network failure (try again later) or an answer with a status
 * and the server's own message.
 */
import type { ApiError } from '@dorfplatz/protocol'

export class ApiRequestError extends Error {
  /** HTTP status of the answer; 0 when no answer arrived at all. */
  readonly status: number
  /** For a 429: after how many seconds the server takes requests again (its Retry-After), else null. */
  readonly retryAfterSeconds: number | null
  /** The server's reason in German and English, where it writes one for people (a refused template file). */
  readonly reason: { de: string; en: string } | null

  constructor(status: number, message: string, retryAfterSeconds: number | null = null, reason: { de: string; en: string } | null = null) {
    super(message)
    this.name = 'ApiRequestError'
    this.status = status
    this.retryAfterSeconds = retryAfterSeconds
    this.reason = reason
  }

  get isNetworkError(): boolean {
    return this.status === 0
  }
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return typeof candidate.statusCode === 'number' && typeof candidate.message === 'string'
}

/** The reason in both languages that an error answer carries, if it carries one. */
export function readReason(value: unknown): { de: string; en: string } | null {
  const reason = typeof value === 'object' && value !== null ? (value as { reason?: unknown }).reason : undefined
  if (typeof reason !== 'object' || reason === null) return null
  const { de, en } = reason as Record<string, unknown>
  return typeof de === 'string' && typeof en === 'string' ? { de, en } : null
}
