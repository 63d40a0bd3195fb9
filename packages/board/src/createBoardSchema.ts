/**
 * The tldraw schema of every board: tldraw's default shapes, bindings and assets. The server
 * seeds documents with it, and the web app must hand it to its store, so that both sides
 * write the schema version that bindStoreToDoc compares against.
 */
import { createTLSchema, type TLSchema } from '@tldraw/tlschema'

export function createBoardSchema(): TLSchema {
  // The <Tldraw> component's own default store schema has exactly the same migration
  // sequences and versions (only its key order differs), so a board written by the plain
  // editor and one written through this schema are interchangeable.
  return createTLSchema()
}
