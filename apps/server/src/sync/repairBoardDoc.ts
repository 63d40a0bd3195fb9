/**
 * Brings a stored board back to what every board may hold, when it is loaded. Boards written
 * before the server validated every record may hold invalid records and parts no board has;
 * they are deleted by one server change, which is stored and relayed like any other, so that
 * browsers holding a copy of the board lose them too and never send them back.
 *
 * Nested Yjs types are deleted only while they are shallow: deleting or collecting a type
 * recurses once per level of nesting in every Yjs peer, the server and each browser, and a
 * deep chain would overflow their stacks. Deeper ones stay where they are, unread and inert
 * (nothing reads unknown parts, and the records layer ignores entries that are not records),
 * and are logged.
 */
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { META_KEY, RECORDS_KEY, SERVER_OWNED_ROOTS, getRecordsArray } from '@dorfplatz/board'
import { checkIncomingRecord, serverSchemaJson } from './boardRecordCheck.ts'

/**
 * The edition of what a board may hold: raise it whenever this repair, the record rules it checks
 * with (@dorfplatz/board's validateBoardRecord) or the update guard start refusing something they
 * let through before. Boards stored under an earlier edition are checked again when loaded.
 */
const BOARD_RULES_EDITION = 1

let checks: string | undefined

/**
 * What a room vouches for when it stores a board it has checked (see Room.compact): this
 * edition of the rules and this server's record schema. A board stored under the same checks
 * holds nothing the repair would remove, so it is not repaired again, and it may be sent to a
 * newcomer as it was read, before it is decoded.
 */
export function loadChecks(): string {
  checks ??= `${BOARD_RULES_EDITION}:${createHash('sha256').update(JSON.stringify(serverSchemaJson())).digest('base64url').slice(0, 16)}`
  return checks
}

/** Nesting every Yjs peer can delete and collect without running out of stack. */
export const SAFE_DELETE_DEPTH = 32

/** Items looked at while measuring one nested value; past this it counts as too deep to delete. */
const MAX_MEASURED_ITEMS = 100_000

const KNOWN_ROOTS: ReadonlySet<string> = new Set([RECORDS_KEY, META_KEY, ...SERVER_OWNED_ROOTS])

export interface RepairReport {
  /** Records deleted, by key (or array position for entries without one), with the reason. */
  removedRecords: Array<{ key: string; reason: string }>
  /** Parts of the document no board has, whose content was deleted. */
  clearedRoots: string[]
  /** Where nested content too deep to delete safely was left in place. */
  keptDeepContent: string[]
}

export function isRepairNeeded(report: RepairReport): boolean {
  return report.removedRecords.length > 0 || report.clearedRoots.length > 0 || report.keptDeepContent.length > 0
}

/** How deep the types below `item` nest (1 for a type holding only values); Infinity past `limit` or MAX_MEASURED_ITEMS. */
function nestingDepth(item: Y.Item, limit: number): number {
  if (!(item.content instanceof Y.ContentType)) return 0
  let deepest = 0
  let measured = 0
  const stack: Array<{ type: Y.AbstractType<unknown>; depth: number }> = [{ type: item.content.type, depth: 1 }]
  while (stack.length > 0) {
    const { type, depth } = stack.pop()!
    deepest = Math.max(deepest, depth)
    if (deepest > limit) return Infinity
    const children: Y.Item[] = []
    for (let child = type._start; child !== null; child = child.right) children.push(child)
    for (const last of type._map.values()) for (let child: Y.Item | null = last; child !== null; child = child.left) children.push(child)
    for (const child of children) {
      if (++measured > MAX_MEASURED_ITEMS) return Infinity
      if (child.content instanceof Y.ContentType) stack.push({ type: child.content.type, depth: depth + 1 })
    }
  }
  return deepest
}

function entryKey(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null
  const key = (value as { key?: unknown }).key
  return typeof key === 'string' ? key : null
}

/** Deletes what no board may hold, in one transaction with `origin`; returns what it did. */
export function repairBoardDoc(doc: Y.Doc, origin: unknown): RepairReport {
  const report: RepairReport = { removedRecords: [], clearedRoots: [], keptDeepContent: [] }
  const records = getRecordsArray(doc)
  const recordIndices: number[] = []
  const rootItems: Y.Item[] = []

  let index = 0
  for (let item = records._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue
    const content = item.content
    if (content instanceof Y.ContentAny) {
      content.arr.forEach((value, offset) => {
        const key = entryKey(value)
        const reason = key === null ? 'not a { key, val } entry' : checkIncomingRecord(doc, key, (value as { val?: unknown }).val)
        if (reason === null) return
        recordIndices.push(index + offset)
        report.removedRecords.push({ key: key ?? `#${index + offset}`, reason })
      })
    } else if (content instanceof Y.ContentType && nestingDepth(item, SAFE_DELETE_DEPTH) > SAFE_DELETE_DEPTH) {
      report.keptDeepContent.push(RECORDS_KEY)
    } else {
      for (let offset = 0; offset < item.length; offset++) recordIndices.push(index + offset)
      report.removedRecords.push({ key: `#${index}`, reason: 'not a plain entry' })
    }
    index += item.length
  }

  for (const [name, type] of doc.share) {
    if (KNOWN_ROOTS.has(name)) continue
    let cleared = false
    const candidates: Y.Item[] = []
    for (let item = type._start; item !== null; item = item.right) candidates.push(item)
    for (const item of type._map.values()) candidates.push(item)
    for (const item of candidates) {
      if (item.deleted) continue
      if (nestingDepth(item, SAFE_DELETE_DEPTH) > SAFE_DELETE_DEPTH) {
        report.keptDeepContent.push(name)
        continue
      }
      rootItems.push(item)
      cleared = true
    }
    if (cleared) report.clearedRoots.push(name)
  }

  if (recordIndices.length > 0 || rootItems.length > 0) {
    doc.transact((transaction) => {
      for (const position of recordIndices.sort((a, b) => b - a)) records.delete(position, 1)
      for (const item of rootItems) item.delete(transaction)
    }, origin)
  }
  report.keptDeepContent = [...new Set(report.keptDeepContent)]
  return report
}
