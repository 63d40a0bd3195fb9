/**
 * The gate every board record passes: before the server applies a client's update, before a
 * browser puts a record into its tldraw store, and on import, restore and export. A record may
 * be malformed, of a type tldraw does not know, of a type that must never be shared (session
 * state), too large or too deep, or break Dorfplatz's own rules (boardRecordRules.ts); tldraw's
 * store throws on such records, and one thrown batch would stall the editor.
 */
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { MAX_ASSET_RECORD_BYTES, MAX_RECORD_BYTES, MAX_RECORD_DEPTH } from '@dorfplatz/protocol'
import { boardRecordRuleViolation } from './boardRecordRules.ts'
import { checkJsonValue } from './checkJsonValue.ts'

/** The record types a board document holds; everything else stays local or travels as awareness. */
export const BOARD_RECORD_TYPES: ReadonlySet<string> = new Set(['document', 'page', 'shape', 'binding', 'asset'])

export type RecordCheck = { ok: true; record: TLRecord } | { ok: false; reason: string }

/**
 * Whether the value looks like a board record stored under `id`, of bounded size and nesting
 * (cheap, and without recursion; no prop validation yet).
 */
function checkEnvelope(value: unknown, id: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object'
  const { typeName, id: recordId } = value as { typeName?: unknown; id?: unknown }
  if (typeof typeName !== 'string' || !BOARD_RECORD_TYPES.has(typeName)) {
    return `record type ${JSON.stringify(String(typeName).slice(0, 40))} does not belong in a board document`
  }
  if (recordId !== id) return `stored under ${JSON.stringify(id.slice(0, 80))} but has another id`
  const maxChars = typeName === 'asset' ? MAX_ASSET_RECORD_BYTES : MAX_RECORD_BYTES
  const shape = checkJsonValue(value, { maxDepth: MAX_RECORD_DEPTH, maxChars })
  return shape === null ? null : `the record is ${shape}`
}

/** A validator's complaint, for people; an engine error (a stack overflow, say) says nothing useful and is not passed on. */
function validationFailure(error: unknown): string {
  if (error instanceof Error && !(error instanceof RangeError) && !(error instanceof TypeError)) return error.message.slice(0, 300)
  return 'the record cannot be checked'
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
      return { ok: false, reason: `migration failed (${validationFailure(error)})` }
    }
    if (migrated.type === 'error') return { ok: false, reason: `migration failed (${migrated.reason})` }
    candidate = migrated.value
  }
  const recordType = schema.types[candidate.typeName]
  let record: TLRecord
  try {
    record = recordType.validate(candidate)
  } catch (error) {
    return { ok: false, reason: validationFailure(error) }
  }
  const violation = boardRecordRuleViolation(record)
  return violation === null ? { ok: true, record } : { ok: false, reason: violation }
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
