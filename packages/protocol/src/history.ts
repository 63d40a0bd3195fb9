/**
 * The board's history (Verlauf) on the wire: what the server recorded of each accepted change,
 * merged per person and minute, and the request that brings deleted shapes back.
 */

/** Where a shape was: a zone of a template on the board (labels are looked up by the reader). */
export interface HistoryZone {
  /** The template instance on the board. */
  instanceId: string
  /** The template's kind (a TemplateId), for its name and the zone's. */
  templateId: string
  zoneId: string
}

/** What kind of shape a change concerns. */
export type HistoryShapeKind = 'note' | 'text' | 'shape'

export interface HistoryItem {
  shapeId: string
  kind: HistoryShapeKind
  /** The shape's text when it has one, cut to HISTORY_TEXT_LENGTH characters. */
  text: string
  zone: HistoryZone | null
}

export interface HistoryMove extends HistoryItem {
  from: HistoryZone | null
}

/** Up to HISTORY_ITEMS_PER_KIND items of each kind; `counts` are exact. */
export interface HistoryChanges {
  added: HistoryItem[]
  edited: HistoryItem[]
  moved: HistoryMove[]
  deleted: HistoryItem[]
  restored: HistoryItem[]
  counts: { added: number; edited: number; moved: number; deleted: number; restored: number }
}

export interface HistoryActor {
  name: string
  color: string
  role: 'facilitator' | 'participant'
}

export interface HistoryEntryInfo {
  /** Stable id of the entry; names it in a restore request. */
  id: string
  /** The minute the changes were made in (ms since the epoch, start of the minute). */
  at: number
  /** Null where names are hidden (a participant's view). */
  actor: HistoryActor | null
  changes: HistoryChanges
  /** Ids of the deleted shapes of this entry that are not on the board now (a facilitator's view only). */
  restorable: string[]
}

export interface HistoryAnswer {
  entries: HistoryEntryInfo[]
  /** Whether the names of who did what are shown (facilitators always see them). */
  names: boolean
}

export interface RestoreHistoryRequest {
  entryId: string
  /** One shape of the entry; without it, every deleted shape of the entry that is not on the board. */
  shapeId?: string
}

export interface RestoreHistoryAnswer {
  restored: string[]
}

export interface HistorySharingRequest {
  /** Whether participants see the history (always without names). */
  shared: boolean
}

export const HISTORY_TEXT_LENGTH = 80
export const HISTORY_ITEMS_PER_KIND = 100
