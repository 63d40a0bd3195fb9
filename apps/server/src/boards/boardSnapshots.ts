/**
 * Snapshots of a board: the whole document saved as one Yjs update, with a sketch for the
 * list, and restoring one into the live board as a new change (after saving the live board,
 * so that the restore can be undone by restoring that).
 */
import crypto from 'node:crypto'
import * as Y from 'yjs'
import type { SerializedSchemaV2 } from '@tldraw/store'
import {
  addMissingTemplateInstances,
  compareSchema,
  createBoardSchema,
  readBoardRecords,
  readBoardSchema,
  readTemplateInstances,
  replaceBoardRecords,
  validateBoardRecords,
  type ReplaceResult,
} from '@dorfplatz/board'
import type { SnapshotKind, ApiLocale } from '@dorfplatz/protocol'
import { conflict } from './BoardError.ts'
import type { StoredSnapshot } from '../storage/BoardStorage.ts'
import { boardThumbnail } from './thumbnail.ts'

/** Automatic snapshots of one kind a board keeps; older ones are deleted. Manual ones stay. */
export const KEEP_AUTOMATIC_SNAPSHOTS = 30

/**
 * The name of an automatic snapshot taken when everyone had left. Nobody asked for it, so it
 * is in the board's default language; the web client shows it in the reader's.
 */
export const LAST_LEFT_SNAPSHOT_NAME = 'Automatisch gesichert'

const BEFORE_RESTORE_NAMES = {
  de: { of: (name: string) => `Vor der Wiederherstellung von „${name}“`, plain: 'Vor einer Wiederherstellung' },
  en: { of: (name: string) => `Before restoring “${name}”`, plain: 'Before a restore' },
} as const

/**
 * The name of the snapshot saved just before `restored` is restored, in the language of the
 * facilitator who restores. An automatic snapshot's own name would only nest ("before restoring
 * before restoring …"), so it is left out.
 */
export function beforeRestoreName(restored: { kind: SnapshotKind; name: string }, locale: ApiLocale): string {
  const names = BEFORE_RESTORE_NAMES[locale]
  return restored.kind === 'manual' ? names.of(restored.name) : names.plain
}

export function takeSnapshot(doc: Y.Doc, kind: SnapshotKind, name: string, now = Date.now()): StoredSnapshot {
  return {
    id: crypto.randomBytes(9).toString('base64url'),
    name,
    kind,
    createdAt: now,
    state: Y.encodeStateAsUpdate(doc),
    thumbnail: boardThumbnail(readBoardRecords(doc)),
  }
}

/** A snapshot's document, for reading; the caller destroys it. */
export function snapshotDoc(snapshot: { state: Uint8Array }): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, snapshot.state)
  return doc
}

/**
 * Makes the live board's records those of the snapshot, as one new change, and brings back
 * template instances the live board no longer lists. Facilitation state (timer, rounds) and the
 * title stay as they are live. A snapshot written in an older schema is migrated first; one in
 * a newer schema than the live board's is refused (409).
 */
export function restoreSnapshot(live: Y.Doc, snapshot: { state: Uint8Array }): ReplaceResult {
  const saved = snapshotDoc(snapshot)
  try {
    let target: ReadonlyMap<string, unknown> = readBoardRecords(saved)
    const savedSchema = readBoardSchema(saved)
    const liveSchema = (readBoardSchema(live) ?? createBoardSchema().serialize()) as SerializedSchemaV2
    const comparison = savedSchema ? compareSchema(liveSchema, savedSchema) : 'same'
    if (comparison === 'newer') throw conflict('This snapshot was saved by a newer version of Dorfplatz.')
    // Only valid records come back: a version saved before the server validated every record may hold others.
    target = validateBoardRecords(createBoardSchema(), target, comparison === 'older' ? savedSchema : null).records
    const result = replaceBoardRecords(live, target)
    addMissingTemplateInstances(live, readTemplateInstances(saved))
    return result
  } finally {
    saved.destroy()
  }
}
