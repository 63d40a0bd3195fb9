/**
 * Decides whether this client may read and write a board: a document written with a newer
 * tldraw schema cannot be migrated down, and writing older records into it would corrupt it
 * for the clients that wrote it.
 */
import type { SerializedSchemaV2 } from '@tldraw/store'

/**
 * - `same`: records can be used as they are.
 * - `older`: records must be migrated up before use (and the document upgraded, if allowed).
 * - `newer`: this client is too old for the document and must not write to it.
 */
export type SchemaComparison = 'same' | 'older' | 'newer'

export function compareSchema(current: SerializedSchemaV2, stored: unknown): SchemaComparison {
  if (typeof stored !== 'object' || stored === null) return 'newer'
  const { schemaVersion, sequences } = stored as { schemaVersion?: unknown; sequences?: unknown }
  // Version 1 predates every version 2 schema; tldraw's migrations still understand it, when it
  // is well formed. A malformed one is treated as newer below: refusing to write is the safe mistake.
  if (schemaVersion === 1) {
    const { storeVersion, recordVersions } = stored as { storeVersion?: unknown; recordVersions?: unknown }
    if (typeof storeVersion === 'number' && typeof recordVersions === 'object' && recordVersions !== null) return 'older'
    return 'newer'
  }
  // Anything else we cannot read is treated as newer: refusing to write is the safe mistake.
  if (schemaVersion !== 2 || typeof sequences !== 'object' || sequences === null) return 'newer'

  let older = false
  for (const [sequenceId, version] of Object.entries(sequences)) {
    const ours = Object.hasOwn(current.sequences, sequenceId) ? current.sequences[sequenceId] : undefined
    // A sequence we do not know (say, a shape type added by a later tldraw) counts as newer,
    // even though tldraw's own migration lookup would silently skip it.
    if (ours === undefined || typeof version !== 'number' || version > ours) return 'newer'
    if (version < ours) older = true
  }
  for (const sequenceId of Object.keys(current.sequences)) {
    if (!Object.hasOwn(sequences, sequenceId)) older = true
  }
  return older ? 'older' : 'same'
}
