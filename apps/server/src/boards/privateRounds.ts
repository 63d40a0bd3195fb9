/**
 * "Stilles Brainstorming" on the board's side (see @dorfplatz/board's privateRound.ts and
 * sync/PrivateSpaces.ts): opening a round, keeping its totals on the board, and revealing it.
 *
 * Revealing runs under the board's lock: the round is closed in storage first (from then on no
 * space accepts a write, on any instance), its sockets are closed, and every private note goes
 * onto the board in one change of the server's, together with the end of the round, so that
 * everyone sees all of them at once. Each note lands in the zone its centre lies in (where the
 * person wrote it), at a free spot there, so revealed notes cover neither each other nor what
 * was on the board; a note outside every zone lands near where it was. Only after that change is
 * stored are the private spaces dropped: a reveal that fails can be asked for again and finds
 * them still there.
 */
import crypto from 'node:crypto'
import * as Y from 'yjs'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import {
  FacilitationKey,
  FROM_PRIVATE_ROUND_META,
  getAuthorsMap,
  getFacilitationMap,
  getRecordsArray,
  KeyValueArray,
  PRIVATE_ROUND_META,
  readBoardRecords,
  readAuthorStamp,
  readFacilitation,
  readTemplateInstances,
  type AuthorStamp,
  type PrivateRevealNotice,
  type PrivateRoundState,
  type RecordAuthors,
  type VoteScope,
} from '@dorfplatz/board'
import { currentTemplateInstances, findZone, placeNoteInZone, placeNoteNear, shapePagePoint, shapeSize, shapeToPage } from '@dorfplatz/templates'
import { CloseCode, type PrivateRevealResult } from '@dorfplatz/protocol'
import type { PrivateSpaceStore, StoredPrivateSpace } from '../storage/PrivateSpaceStore.ts'
import type { PrivateSpaces, SpaceAddress } from '../sync/PrivateSpaces.ts'
import { checkIncomingRecord } from '../sync/boardRecordCheck.ts'
import { privateNoteProblem } from '../sync/PrivateSpaces.ts'
import type { RoomRegistry } from '../sync/RoomRegistry.ts'
import { hashToken } from '../tokens.ts'
import { conflict, notFound } from './BoardError.ts'
import { NoteSpots } from './noteSpots.ts'
import { applyTimerCommand, assertScopeExists } from './facilitationState.ts'

const newId = () => crypto.randomBytes(9).toString('base64url')

/** How long the totals of a round wait for more changes before they are written to the board. */
export const TOTALS_DELAY_MS = 300

/** The person a browser key stands for in a board's private spaces: a hash, so storage never holds the key. */
export function privateSpaceOwner(boardId: string, key: string): string {
  return hashToken(`${boardId}:private:${key}`)
}

/** The board's open private round, or null. */
export function openPrivateRoundOf(doc: Y.Doc): PrivateRoundState | null {
  return readFacilitation(doc).privateRound
}

function readAuthor(json: string): AuthorStamp | null {
  if (json === '') return null
  try {
    return readAuthorStamp(JSON.parse(json))
  } catch {
    return null
  }
}

/** The valid private notes of each space, with their writer. */
function notesOfSpaces(roundId: string, spaces: readonly StoredPrivateSpace[]): Array<{ notes: TLShape[]; author: AuthorStamp | null }> {
  return spaces.map((space) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, space.state)
    const records = new KeyValueArray<TLRecord>(getRecordsArray(doc), { readonly: true })
    const notes: TLShape[] = []
    for (const [key, entry] of records.map) {
      if (privateNoteProblem(roundId, key, entry.val) === null) notes.push(entry.val as TLShape)
    }
    records.destroy()
    doc.destroy()
    // In the order they were written down, as far as the layout goes: top to bottom, left to right.
    notes.sort((a, b) => a.y - b.y || a.x - b.x)
    return { notes, author: readAuthor(space.author) }
  })
}

/**
 * Places the revealed notes on the board: into the zone each one's centre lies in, at a free
 * spot, else near where it was; each with a new id (a private space's ids are its writer's
 * choice and must not take over a record of the board).
 */
function layOutNotes(doc: Y.Doc, roundId: string, spaces: ReturnType<typeof notesOfSpaces>, now: number): { records: TLRecord[]; authors: Map<string, RecordAuthors> } {
  const byId = readBoardRecords(doc)
  const instances = currentTemplateInstances(readTemplateInstances(doc), byId)
  const firstPage = [...byId.values()].find((value) => (value as { typeName?: unknown }).typeName === 'page') as { id: string } | undefined
  const spots = new NoteSpots(byId)

  const records: TLRecord[] = []
  const authors = new Map<string, RecordAuthors>()
  for (const { notes, author } of spaces) {
    for (const note of notes) {
      const size = shapeSize(note)
      // The note's parent (a frame or page of the board) is looked up on the board as it is now.
      const lookup = { get: (id: string) => (id === note.id ? note : byId.get(id)) }
      const centre = shapePagePoint(note, lookup)
      const pageId = shapeToPage(note, { x: 0, y: 0 }, lookup).pageId ?? firstPage?.id
      if (pageId === undefined) continue
      const taken = spots.takenOn(pageId)
      const found = findZone(instances, pageId, centre)
      const spot = found ? placeNoteInZone(found.instance, found.zone, taken, { size, instances }) : null
      const page = spot ?? placeNoteNear(centre, taken, size)
      const frame = found && spot ? byId.get(found.instance.frameId) : undefined
      const parentId = frame ? found!.instance.frameId : pageId
      const { [PRIVATE_ROUND_META]: _private, ...meta } = note.meta as Record<string, unknown>
      const record = {
        ...note,
        id: `shape:${crypto.randomBytes(12).toString('base64url')}` as TLShape['id'],
        parentId: parentId as TLShape['parentId'],
        x: frame ? page.x - found!.instance.x : page.x,
        y: frame ? page.y - found!.instance.y : page.y,
        rotation: 0,
        index: spots.nextIndex(parentId),
        meta: { ...meta, [FROM_PRIVATE_ROUND_META]: roundId },
      } as TLShape
      spots.take(pageId, { x: page.x, y: page.y, ...size })
      records.push(record)
      if (author) authors.set(record.id, { createdBy: author, changedBy: author, changedAt: now })
    }
  }
  return { records, authors }
}

/** What opening a private round asks for (the HTTP request, or a run-sheet step). */
export interface PrivateRoundOpening {
  title: string
  scope: VoteScope
  showAuthors: boolean
  /** The planned time, or undefined for none; with it the board's timer starts too (not for a run-sheet step, which runs its own). */
  durationMs?: number
  startTimer?: boolean
  /** The facilitator's name as shown. */
  name: string
}

/**
 * Opening and revealing private rounds, in steps that fit into a larger change: `check` and
 * `open` read and write the document (inside the caller's transaction), `prepareOpen` and
 * `prepareReveal` do the storage's part before it. The routes below run them alone; the
 * run-sheet's "Nächster Schritt" runs them within its own one transaction.
 */
export class PrivateRoundActions {
  constructor(
    private readonly storage: PrivateSpaceStore,
    private readonly spaces: PrivateSpaces,
  ) {}

  /**
   * Throws a BoardError unless a round can open on this board now; writes nothing. `revealing`:
   * the open round that the same change reveals first (a run-sheet step ending).
   */
  check(doc: Y.Doc, request: Pick<PrivateRoundOpening, 'scope'>, revealing?: string): void {
    const open = openPrivateRoundOf(doc)
    if (open && open.id !== revealing) throw conflict('A private round is already open; reveal it first.')
    assertScopeExists(doc, request.scope)
  }

  /** Opens a new round in storage (spaces accept writes from then on) and returns its id; the board says so in `open`. */
  async prepareOpen(boardId: string, now: number): Promise<string> {
    const roundId = newId()
    await this.storage.openPrivateRound(boardId, roundId, now)
    return roundId
  }

  /** Writes the round `roundId` (from prepareOpen) into the board's facilitation state. */
  open(doc: Y.Doc, roundId: string, request: PrivateRoundOpening, now: number): PrivateRoundState {
    const round: PrivateRoundState = {
      id: roundId,
      title: request.title.trim(),
      scope: request.scope,
      showAuthors: request.showAuthors,
      openedAt: now,
      endsAt: request.durationMs === undefined ? null : now + request.durationMs,
      by: request.name.trim(),
      notes: 0,
      people: 0,
    }
    doc.transact(() => {
      getFacilitationMap(doc).set(FacilitationKey.PRIVATE_ROUND, round)
      if (request.durationMs !== undefined && request.startTimer !== false) {
        applyTimerCommand(doc, { action: 'start', durationMs: request.durationMs }, now)
      }
    })
    return round
  }

  /**
   * Closes the round in storage (no space takes a write from now on, on any instance), closes its
   * sockets and reads every space. `write` then puts the notes on the board and ends the round,
   * inside the caller's transaction; `afterStored` drops the spaces once that change is stored.
   */
  async prepareReveal(boardId: string, round: PrivateRoundState) {
    const stored = await this.storage.closePrivateRound(boardId, round.id)
    this.spaces.closeConnections(boardId, (space) => space.roundId === round.id, CloseCode.NO_SUCH_BOARD, 'the private round was revealed')
    const written = notesOfSpaces(round.id, stored)
    const result: PrivateRevealResult = {
      notes: written.reduce((sum, space) => sum + space.notes.length, 0),
      people: written.filter((space) => space.notes.length > 0).length,
    }
    return {
      result,
      write: (doc: Y.Doc, now: number) => {
        const { records, authors } = layOutNotes(doc, round.id, written, now)
        doc.transact(() => {
          const present = readBoardRecords(doc)
          const added = records.filter((record) => !present.has(record.id) && checkIncomingRecord(doc, record.id, record) === null)
          if (added.length > 0) getRecordsArray(doc).push(added.map((record) => ({ key: record.id, val: record })))
          if (round.showAuthors) {
            const authorsMap = getAuthorsMap(doc)
            for (const record of added) {
              const entry = authors.get(record.id)
              if (entry) authorsMap.set(record.id, entry)
            }
          }
          const facilitation = getFacilitationMap(doc)
          facilitation.delete(FacilitationKey.PRIVATE_ROUND)
          const notice: PrivateRevealNotice = { roundId: round.id, title: round.title, at: now, ...result }
          facilitation.set(FacilitationKey.LAST_PRIVATE_REVEAL, notice)
        })
      },
      afterStored: () => this.storage.dropPrivateSpaces(boardId, round.id),
    }
  }

  /** Opens a round on its own (the route): under the board's lock, storage first, then the board. */
  openAlone(rooms: RoomRegistry, boardId: string, request: PrivateRoundOpening, now: number): Promise<PrivateRoundState> {
    return rooms.exclusive(boardId, async (change) => {
      await change((room) => this.check(room.doc, request))
      const roundId = await this.prepareOpen(boardId, now)
      return change((room) => this.open(room.doc, roundId, request, now))
    })
  }

  /**
   * Reveals the board's open private round `roundId` on its own (the route): every private note
   * onto the board in one change. 404 for a round the board does not have open.
   */
  revealAlone(rooms: RoomRegistry, boardId: string, roundId: string, now: number): Promise<PrivateRevealResult> {
    return rooms.exclusive(boardId, async (change) => {
      const round = await change((room) => openPrivateRoundOf(room.doc))
      if (round?.id !== roundId) throw notFound('This board has no open private round with this id.')
      const reveal = await this.prepareReveal(boardId, round)
      await change((room) => reveal.write(room.doc, now))
      await reveal.afterStored()
      return reveal.result
    })
  }
}

/**
 * Keeps the open round's totals ("14 Notizen von 6 Personen") on the board: after a space stored
 * a change, the round's totals are read from storage (all instances' spaces) and written when
 * they differ, at most once per TOTALS_DELAY_MS per round.
 */
export function privateRoundTotalsWriter(rooms: RoomRegistry, storage: PrivateSpaceStore, onError: (error: unknown, boardId: string) => void) {
  const waiting = new Set<string>()
  return ({ boardId, roundId }: SpaceAddress): void => {
    const key = `${boardId}/${roundId}`
    if (waiting.has(key)) return
    waiting.add(key)
    setTimeout(() => {
      waiting.delete(key)
      storage
        .privateRoundTotals(boardId, roundId)
        .then((totals) =>
          rooms.change(boardId, (room) => {
            const round = openPrivateRoundOf(room.doc)
            if (round?.id !== roundId || (round.notes === totals.notes && round.people === totals.people)) return
            getFacilitationMap(room.doc).set(FacilitationKey.PRIVATE_ROUND, { ...round, ...totals })
          }),
        )
        .catch((error: unknown) => onError(error, boardId))
    }, TOTALS_DELAY_MS).unref()
  }
}
