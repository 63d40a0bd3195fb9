/**
 * Where the server puts notes it adds to a board itself (a private round's reveal, results carried
 * into a new board): the page rectangles other notes take, so that a new one covers none, and the
 * next index key after a parent's children, so that each new note lies on top. Read from the
 * board once; every spot taken is remembered for the next note.
 */
import type { TLShape } from '@tldraw/tlschema'
import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import { shapeSize, shapeToPage, type Rect } from '@dorfplatz/templates'

function isNote(value: unknown): value is TLShape {
  const { typeName, type } = (value ?? {}) as { typeName?: unknown; type?: unknown }
  return typeName === 'shape' && type === 'note'
}

export class NoteSpots {
  private readonly occupied = new Map<string, Rect[]>()
  private readonly lastIndex = new Map<string, IndexKey | null>()

  constructor(private readonly byId: ReadonlyMap<string, unknown>) {}

  /** The page rectangles notes take on `pageId` (those on the board, and those placed since). */
  takenOn(pageId: string): Rect[] {
    let rects = this.occupied.get(pageId)
    if (!rects) {
      rects = []
      for (const value of this.byId.values()) {
        if (!isNote(value)) continue
        const corner = shapeToPage(value, { x: 0, y: 0 }, this.byId)
        if (corner.pageId === pageId) rects.push({ x: corner.x, y: corner.y, ...shapeSize(value) })
      }
      this.occupied.set(pageId, rects)
    }
    return rects
  }

  /** Remembers a placed note's page rectangle, so that the next one keeps clear of it. */
  take(pageId: string, rect: Rect): void {
    this.takenOn(pageId).push(rect)
  }

  /** An index key above every child `parentId` has, and above the ones handed out before. */
  nextIndex(parentId: string): IndexKey {
    if (!this.lastIndex.has(parentId)) {
      let last: string | null = null
      for (const value of this.byId.values()) {
        const { parentId: parent, index } = value as { parentId?: unknown; index?: unknown }
        if (parent === parentId && typeof index === 'string' && (last === null || index > last)) last = index
      }
      this.lastIndex.set(parentId, last as IndexKey | null)
    }
    const [index] = getIndicesAbove(this.lastIndex.get(parentId) ?? null, 1)
    this.lastIndex.set(parentId, index!)
    return index!
  }
}
