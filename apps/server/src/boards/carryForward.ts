/**
 * Results that carry forward ("In neues Board übernehmen"): the next workshop's board starts with
 * chosen results of this one. Two steps, both on plain documents:
 *
 * 1. `collectCarriedNotes` reads the source board: the notes of one zone of a template instance
 *    (top to bottom, left to right), or the top N of a revealed voting round (by rank), each with
 *    its authors entry and a `carriedFrom` mark (board, note, rank and votes).
 * 2. `placeCarriedNotes` writes them into the new board's document, each into its target zone at
 *    a free spot (as the reveal of a private round and the phone's note place theirs), as copies
 *    with new ids that keep text, colour and size.
 *
 * The new board is written before anyone can open it, so these notes never pass the update guard:
 * that guard is what keeps clients from writing the mark themselves (see @dorfplatz/board's
 * carriedFrom.ts).
 */
import crypto from 'node:crypto'
import type * as Y from 'yjs'
import type { TLShape } from '@tldraw/tlschema'
import {
  CARRIED_FROM_META,
  FROM_PRIVATE_ROUND_META,
  getAuthorsMap,
  getRecordsArray,
  rankByVotes,
  readBoardRecords,
  readRecordAuthors,
  readTemplateInstances,
  readVotingRounds,
  type CarriedFrom,
  type RecordAuthors,
  type TemplateInstance,
  type VotingRound,
} from '@dorfplatz/board'
import {
  currentTemplateInstances,
  instanceZones,
  placeNoteInZone,
  placeNoteNear,
  shapePagePoint,
  shapeSize,
  votableNoteIds,
  zoneCentre,
} from '@dorfplatz/templates'
import type { CarryItem } from '@dorfplatz/protocol'
import { conflict, invalid } from './BoardError.ts'
import { NoteSpots } from './noteSpots.ts'

/** A note as it leaves the source board, and where it goes. */
export interface CarriedNote {
  note: TLShape
  authors: RecordAuthors | null
  carriedFrom: CarriedFrom
  /** Index into the new board's templates, and the zone there. */
  target: { template: number; zoneId: string }
}

function isNote(value: unknown): value is TLShape {
  const shape = value as { typeName?: unknown; type?: unknown } | null
  return typeof shape === 'object' && shape !== null && shape.typeName === 'shape' && shape.type === 'note'
}

/** The note's votes in the newest revealed round that counted it, if any. */
function lastVotes(rounds: readonly VotingRound[], shapeId: string): number | undefined {
  const revealed = rounds.filter((round) => round.status === 'revealed').sort((a, b) => (b.revealedAt ?? 0) - (a.revealedAt ?? 0))
  for (const round of revealed) {
    const result = round.results?.find((entry) => entry.shapeId === shapeId)
    if (result) return result.votes
  }
  return undefined
}

/**
 * The notes that `items` carry from the source board `doc` (id `boardId`, titled `boardTitle`),
 * in the order of the items. Throws `invalid` for a zone or round the board does not have and
 * `conflict` for a round that is not revealed yet.
 */
export function collectCarriedNotes(doc: Y.Doc, boardId: string, boardTitle: string, items: readonly CarryItem[]): CarriedNote[] {
  const byId = readBoardRecords(doc)
  const stored = readTemplateInstances(doc)
  const instances = currentTemplateInstances(stored, byId)
  const rounds = readVotingRounds(doc)
  const carried: CarriedNote[] = []
  const carry = (note: TLShape, mark: Omit<CarriedFrom, 'boardId' | 'boardTitle' | 'shapeId'>, target: CarryItem['target']) => {
    carried.push({
      note,
      authors: readRecordAuthors(doc, note.id),
      carriedFrom: { boardId, boardTitle, shapeId: note.id, ...mark },
      target,
    })
  }
  for (const { source, target } of items) {
    if (source.kind === 'zone') {
      const instance = instances.find((candidate) => candidate.instanceId === source.instanceId)
      if (!instance || !instanceZones(instance).some((zone) => zone.id === source.zoneId)) {
        throw invalid('This board has no such template zone to carry notes from.')
      }
      const notes = votableNoteIds(byId, stored, { kind: 'zone', instanceId: source.instanceId, zoneId: source.zoneId })
        .map((id) => byId.get(id))
        .filter(isNote)
        .map((note) => ({ note, at: shapePagePoint(note, byId) }))
        // Top to bottom, then left to right: the order people read the zone in.
        .sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x)
      for (const { note } of notes) {
        const votes = lastVotes(rounds, note.id)
        carry(note, votes === undefined ? {} : { votes }, target)
      }
    } else {
      const round = rounds.find((candidate) => candidate.id === source.roundId)
      if (!round) throw invalid('This board has no voting round with this id.')
      if (round.status !== 'revealed') throw conflict('This voting round has not been revealed yet; its results cannot be carried over.')
      const ranked = rankByVotes(round.results ?? [])
      let taken = 0
      for (const { rank, item } of ranked) {
        if (taken >= source.top) break
        const note = byId.get(item.shapeId)
        // A note deleted since the reveal has nothing left to carry.
        if (!isNote(note)) continue
        carry(note, { rank, votes: item.votes }, target)
        taken++
      }
    }
  }
  return carried
}

/** Checks that every target names a template of the new board and one of its zones. */
export function checkCarryTargets(items: readonly CarryItem[], templates: readonly TemplateInstance[]): void {
  for (const { target } of items) {
    const instance = templates[target.template]
    if (!instance || !instanceZones(instance).some((zone) => zone.id === target.zoneId)) {
      throw invalid('An Übernahme names a zone that none of the new board’s templates has.')
    }
  }
}

/**
 * Writes `carried` into the new board's document, each note into its target zone of
 * `templates` (the instances placed on the new board, in the order the request named them),
 * at a free spot, with its authors entry. One transaction; returns how many notes were placed.
 */
export function placeCarriedNotes(doc: Y.Doc, templates: readonly TemplateInstance[], carried: readonly CarriedNote[]): number {
  const byId = readBoardRecords(doc)
  const instances = currentTemplateInstances(templates, byId)
  const spots = new NoteSpots(byId)

  const records: TLShape[] = []
  const authors = new Map<string, RecordAuthors>()
  for (const { note, authors: entry, carriedFrom, target } of carried) {
    const instance = instances.find((candidate) => candidate.instanceId === templates[target.template]?.instanceId)
    const zone = instance && instanceZones(instance).find((candidate) => candidate.id === target.zoneId)
    if (!instance || !zone) continue
    const size = shapeSize(note)
    const taken = spots.takenOn(instance.pageId)
    const spot =
      placeNoteInZone(instance, zone, taken, { size, instances }) ??
      placeNoteNear({ x: instance.x + zoneCentre(zone.area).x, y: instance.y + zoneCentre(zone.area).y }, taken, size)
    // Marks of the old board mean nothing here: a private round of that board is not one of this.
    const { [FROM_PRIVATE_ROUND_META]: _round, [CARRIED_FROM_META]: _earlier, ...meta } = (note.meta ?? {}) as Record<string, unknown>
    const record = {
      ...note,
      id: `shape:${crypto.randomBytes(12).toString('base64url')}` as TLShape['id'],
      parentId: instance.frameId as TLShape['parentId'],
      x: spot.x - instance.x,
      y: spot.y - instance.y,
      rotation: 0,
      index: spots.nextIndex(instance.frameId),
      isLocked: false,
      meta: { ...meta, [CARRIED_FROM_META]: { ...carriedFrom } },
    } as TLShape
    spots.take(instance.pageId, { x: spot.x, y: spot.y, ...size })
    records.push(record)
    if (entry) authors.set(record.id, entry)
  }
  doc.transact(() => {
    if (records.length > 0) getRecordsArray(doc).push(records.map((record) => ({ key: record.id, val: record })))
    const authorsMap = getAuthorsMap(doc)
    for (const [id, entry] of authors) authorsMap.set(id, entry)
  })
  return records.length
}
