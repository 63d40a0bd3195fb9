/**
 * A board as a `.tldr` file (tldraw's own file format, which tldraw opens) and back.
 *
 * A file is `{ tldrawFileFormatVersion: 1, schema, records }`. Writing takes the board's
 * document records as they are stored, with the schema they are written in. Reading accepts
 * files from tldraw itself and from Dorfplatz: session records (instance, camera, pointer and
 * the like) are skipped, document records are migrated to this schema and validated, and a
 * file with any record that fails is refused as a whole, so a hostile file cannot slip one in.
 */
import type { SerializedSchema, SerializedSchemaV2 } from '@tldraw/store'
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { readBoardRecords, readBoardSchema } from './boardDocument.ts'
import { compareSchema } from './compareSchema.ts'
import { createBoardSchema } from './createBoardSchema.ts'
import { BOARD_RECORD_TYPES, validateBoardRecords } from './validateBoardRecord.ts'

export const TLDR_FILE_FORMAT_VERSION = 1

/** Most records one file may hold: a very full board, not a flood. */
export const MAX_TLDR_FILE_RECORDS = 20_000

export interface TldrFile {
  tldrawFileFormatVersion: number
  schema: SerializedSchema
  records: unknown[]
}

/**
 * Session records of the app that wrote a file (which page was open, the camera, the pointer):
 * a file may carry them, a board never holds them, so reading skips them. Any other type a
 * board does not know makes the file unreadable.
 */
const SESSION_RECORD_TYPES: ReadonlySet<string> = new Set(['instance', 'instance_page_state', 'camera', 'pointer', 'instance_presence'])

/**
 * The board as a `.tldr` file in the current schema. Only valid records are written (a board
 * stored before the server validated every record may hold others), so the file always imports
 * again, into Dorfplatz or into tldraw.
 */
export function boardToTldrFile(doc: Y.Doc, schema: TLSchema = createBoardSchema()): TldrFile {
  const current = schema.serialize()
  const stored = readBoardSchema(doc)
  const comparison = stored === null ? 'same' : compareSchema(current as SerializedSchemaV2, stored)
  // A board newer than this code cannot be checked; it is written as it is, with its own schema.
  if (comparison === 'newer') {
    return { tldrawFileFormatVersion: TLDR_FILE_FORMAT_VERSION, schema: stored as SerializedSchema, records: [...readBoardRecords(doc).values()] }
  }
  const { records } = validateBoardRecords(schema, readBoardRecords(doc), comparison === 'older' ? stored : null)
  return { tldrawFileFormatVersion: TLDR_FILE_FORMAT_VERSION, schema: current, records: [...records.values()] }
}

export type TldrFileReading = { ok: true; records: TLRecord[] } | { ok: false; reason: string }

/** The document records of a parsed `.tldr` file, in this board schema, or why it cannot be used. */
export function readTldrFile(file: unknown, schema: TLSchema = createBoardSchema()): TldrFileReading {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return { ok: false, reason: 'not a tldraw file' }
  const { tldrawFileFormatVersion, schema: fileSchema, records } = file as Record<string, unknown>
  if (typeof tldrawFileFormatVersion !== 'number') return { ok: false, reason: 'not a tldraw file (no format version)' }
  if (tldrawFileFormatVersion > TLDR_FILE_FORMAT_VERSION) {
    return { ok: false, reason: 'written by a newer tldraw file format' }
  }
  if (!Array.isArray(records)) return { ok: false, reason: 'the file has no records' }
  if (records.length > MAX_TLDR_FILE_RECORDS) return { ok: false, reason: `more than ${MAX_TLDR_FILE_RECORDS} records` }
  if (compareSchema(schema.serialize() as SerializedSchemaV2, fileSchema) === 'newer') {
    return { ok: false, reason: 'written by a newer version of tldraw or with shapes this board does not know' }
  }

  const values = new Map<string, unknown>()
  for (const record of records) {
    if (typeof record !== 'object' || record === null) return { ok: false, reason: 'a record is not an object' }
    const { id, typeName } = record as { id?: unknown; typeName?: unknown }
    if (typeof id !== 'string' || typeof typeName !== 'string') return { ok: false, reason: 'a record has no id or type' }
    if (SESSION_RECORD_TYPES.has(typeName)) continue
    if (!BOARD_RECORD_TYPES.has(typeName)) return { ok: false, reason: `the record ${id.slice(0, 80)} has a type a board does not know` }
    if (values.has(id)) return { ok: false, reason: `the record ${id.slice(0, 80)} appears twice` }
    values.set(id, record)
  }
  const { records: valid, rejected } = validateBoardRecords(schema, values, fileSchema as SerializedSchema)
  const [firstId, firstReason] = rejected.entries().next().value ?? []
  if (firstId !== undefined) return { ok: false, reason: `the record ${firstId.slice(0, 80)} is not valid: ${String(firstReason).slice(0, 300)}` }
  return { ok: true, records: [...valid.values()] }
}
