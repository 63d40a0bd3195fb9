/**
 * The record check every client write passes on the server: tldraw's validators for the schema
 * this server's web app writes, plus Dorfplatz's own rules (see validateBoardRecord). A board
 * still in an older schema may get records from a browser that has not reloaded yet; those are
 * accepted when they are valid once migrated.
 */
import type { SerializedSchemaV2 } from '@tldraw/store'
import type { TLSchema } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { compareSchema, createBoardSchema, readBoardSchema, validateBoardRecord } from '@dorfplatz/board'

let cachedSchema: TLSchema | undefined
let cachedSerialized: SerializedSchemaV2 | undefined

/** The tldraw schema of every board this server serves; built once (it is not cheap). */
export function serverBoardSchema(): TLSchema {
  cachedSchema ??= createBoardSchema()
  return cachedSchema
}

/** The serialized form of serverBoardSchema(), as boards store it in `meta.schema`. */
export function serverSchemaJson(): SerializedSchemaV2 {
  cachedSerialized ??= serverBoardSchema().serialize()
  return cachedSerialized
}

/** Whether `value` may stand as a board's schema: only this server's own. */
export function isServerSchema(value: unknown): boolean {
  return compareSchema(serverSchemaJson(), value) === 'same'
}

/** Why `value` may not be stored as record `key` on the board in `doc`, or null when it may. */
export function checkIncomingRecord(doc: Y.Doc, key: string, value: unknown): string | null {
  const current = validateBoardRecord(serverBoardSchema(), value, key)
  if (current.ok) return null
  const stored = readBoardSchema(doc)
  if (stored !== null && compareSchema(serverSchemaJson(), stored) === 'older') {
    if (validateBoardRecord(serverBoardSchema(), value, key, stored).ok) return null
  }
  return current.reason
}
