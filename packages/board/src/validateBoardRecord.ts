/**
 * The gate every record from a board document passes before it reaches a tldraw store.
 * Documents are written by every participant's browser, so a record may be malformed,
 * of a type tldraw does not know, or of a type that must never be shared (session state);
 * tldraw's store throws on such records, and one thrown batch would stall the editor.
 */
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLSchema } from '@tldraw/tlschema'

/** The record types a board document holds; everything else stays local or travels as awareness. */
export const BOARD_RECORD_TYPES: ReadonlySet<string> = new Set(['document', 'page', 'shape', 'binding', 'asset'])

export type RecordCheck = { ok: true; record: TLRecord } | { ok: false; reason: string }

/** Whether the value looks like a board record stored under `id` (cheap; no prop validation). */
function checkEnvelope(value: unknown, id: string): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object'
  const { typeName, id: recordId } = value as { typeName?: unknown; id?: unknown }
  if (typeof typeName !== 'string' || !BOARD_RECORD_TYPES.has(typeName)) {
    return `record type ${JSON.stringify(typeName)} does not belong in a board document`
  }
  if (recordId !== id) return `stored under ${JSON.stringify(id)} but has id ${JSON.stringify(recordId)}`
  return null
}

/**
 * Validates `value`, stored under `id`, against the current schema. `from` is the schema the
 * value was written in; when it is older than `schema` the value is migrated first.
 */
export function validateBoardRecord(
  schema: TLSchema,
  value: unknown,
  id: string,
  from: SerializedSchema | null = null,
): RecordCheck {
  const envelopeProblem = checkEnvelope(value, id)
  if (envelopeProblem) return { ok: false, reason: envelopeProblem }
  let candidate = value as TLRecord
  if (from) {
    // tldraw's migrations throw, rather than report, on a malformed stored schema.
    let migrated: ReturnType<TLSchema['migratePersistedRecord']>
    try {
      migrated = schema.migratePersistedRecord(candidate, from)
    } catch (error) {
      return { ok: false, reason: `migration failed (${error instanceof Error ? error.message : String(error)})` }
    }
    if (migrated.type === 'error') return { ok: false, reason: `migration failed (${migrated.reason})` }
    candidate = migrated.value
  }
  const recordType = schema.types[candidate.typeName]
  try {
    return { ok: true, record: recordType.validate(candidate) }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Validates a whole document's records, migrating them from `from` first when given. Tries
 * tldraw's snapshot migration (which also runs store-wide migrations) and falls back to
 * migrating record by record, so one broken record cannot keep the rest of a board from loading.
 */
export function validateBoardRecords(
  schema: TLSchema,
  values: ReadonlyMap<string, unknown>,
  from: SerializedSchema | null,
): { records: Map<string, TLRecord>; rejected: Map<string, string> } {
  const records = new Map<string, TLRecord>()
  const rejected = new Map<string, string>()
  const candidates = new Map<string, unknown>()
  for (const [id, value] of values) {
    const problem = checkEnvelope(value, id)
    if (problem) rejected.set(id, problem)
    else candidates.set(id, value)
  }

  let perRecordFrom = from
  if (from) {
    let migrated: ReturnType<TLSchema['migrateStoreSnapshot']> | undefined
    try {
      migrated = schema.migrateStoreSnapshot({
        schema: from,
        store: Object.fromEntries(candidates) as Record<TLRecord['id'], TLRecord>,
      })
    } catch {
      // A malformed stored schema: fall back to record by record, where each failure is contained.
      migrated = undefined
    }
    if (migrated?.type === 'success') {
      candidates.clear()
      for (const [id, value] of Object.entries(migrated.value)) candidates.set(id, value)
      perRecordFrom = null
    }
  }

  for (const [id, value] of candidates) {
    const check = validateBoardRecord(schema, value, id, perRecordFrom)
    if (check.ok) records.set(id, check.record)
    else rejected.set(id, check.reason)
  }
  return { records, rejected }
}
