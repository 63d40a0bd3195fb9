/**
 * What a note says about the series' digital strategy, kept in the note's `meta`:
 *
 * - `municipality`: the municipality (Verbandsgemeinde, Gemeinde) the note belongs to, e.g.
 *   "VG Musterhausen". Each browser chooses it once, like its name, and the web app stamps it on
 *   the notes its person creates; the strategy document of a municipality is built from its notes.
 * - `task`: a next step: who is responsible, by when (`YYYY-MM-DD`, or empty), and whether it is
 *   done. The strategy document lists open and done steps; a later board of the series lists
 *   what fell due since.
 *
 * Both are checked as part of a record (boardRecordRules), on the server and in the browser.
 */

export const MUNICIPALITY_META = 'municipality'
export const TASK_META = 'task'

export const MAX_MUNICIPALITY_LENGTH = 80
export const MAX_TASK_OWNER_LENGTH = 80

export interface NoteTask {
  owner: string
  /** `YYYY-MM-DD`, or '' when there is no date. */
  due: string
  done: boolean
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/

function isCleanText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max && !CONTROL.test(value)
}

/** A municipality name as written down: trimmed, inner spaces single. */
export function normalizeMunicipality(name: string): string {
  return name.trim().replace(/\s+/g, ' ')
}

/** Two names of one municipality: the same once normalized, whatever the case. */
export function sameMunicipality(a: string, b: string): boolean {
  return normalizeMunicipality(a).toLocaleLowerCase('de') === normalizeMunicipality(b).toLocaleLowerCase('de')
}

/** The municipality a record's meta names, or null. */
export function municipalityOf(record: unknown): string | null {
  const meta = (record as { meta?: Record<string, unknown> } | null)?.meta
  const value = meta?.[MUNICIPALITY_META]
  return typeof value === 'string' && normalizeMunicipality(value) !== '' ? normalizeMunicipality(value) : null
}

/** The next step a record's meta names, or null. */
export function taskOf(record: unknown): NoteTask | null {
  const meta = (record as { meta?: Record<string, unknown> } | null)?.meta
  const value = meta?.[TASK_META]
  return taskViolation(value) === null && value !== undefined ? (value as NoteTask) : null
}

function taskViolation(value: unknown): string | null {
  if (value === undefined) return null
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a task is an object'
  const { owner, due, done, ...rest } = value as Record<string, unknown>
  if (Object.keys(rest).length > 0) return 'a task has only owner, due and done'
  if (!isCleanText(owner, MAX_TASK_OWNER_LENGTH)) return `a task's owner is text of at most ${MAX_TASK_OWNER_LENGTH} characters`
  if (typeof due !== 'string' || (due !== '' && !DATE.test(due))) return "a task's date is YYYY-MM-DD or empty"
  if (typeof done !== 'boolean') return 'a task is done or not'
  return null
}

/** A task's `YYYY-MM-DD` date as a reader writes dates: 30.06.2026 in German, 30/06/2026 in English. */
export function formatDueDate(due: string, language: string): string {
  const [year, month, day] = due.split('-')
  return language === 'de' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`
}

/** Why a record's meta may not say this about the strategy, or null. */
export function strategyMetaViolation(meta: unknown): string | null {
  if (typeof meta !== 'object' || meta === null) return null
  const { [MUNICIPALITY_META]: municipality, [TASK_META]: task } = meta as Record<string, unknown>
  if (municipality !== undefined && !isCleanText(municipality, MAX_MUNICIPALITY_LENGTH)) {
    return `a municipality is text of at most ${MAX_MUNICIPALITY_LENGTH} characters`
  }
  return taskViolation(task)
}
