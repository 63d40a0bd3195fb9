/**
 * While a facilitator hides participants' cursors (`facilitation.cursorsHidden`), the room relays
 * participants' presence without its cursor, and leaves out what then did not change: a
 * participant moving the mouse changes nothing anyone is sent, which is most of a board's
 * traffic. The role is the one the server stamped into the state (`user.role`), so it holds for
 * presence from other instances too.
 */
import type * as awarenessProtocol from 'y-protocols/awareness'
import { PRESENCE_FIELD, readAwarenessUser } from '@dorfplatz/board'
import * as encoding from 'lib0/encoding'
import { MessageType } from '@dorfplatz/protocol'
import { encodeAwarenessEntries, type AwarenessEntry } from './syncMessages.ts'

/**
 * A participant whose stripped presence did not change is still sent this often: receivers drop
 * a state they have not heard of for 30 s (y-protocols' outdatedTimeout), and clients renew
 * theirs every 15 s, so the longest gap is a renewal after this, well inside those 30 s.
 */
export const HIDDEN_CURSOR_RENEW_MS = 10_000

/** The state with a participant's cursor (and the pointer's activity time, which moves with it) removed; others as they are. */
export function withoutParticipantCursor(state: unknown): unknown {
  if (readAwarenessUser(state)?.role !== 'participant') return state
  const fields = state as Record<string, unknown>
  const presence = fields[PRESENCE_FIELD]
  if (typeof presence !== 'object' || presence === null || Array.isArray(presence)) return state
  return { ...fields, [PRESENCE_FIELD]: { ...presence, cursor: null, lastActivityTimestamp: null } }
}

export class HiddenCursors {
  private hidden = false
  /** Per client id: the stripped state last relayed, as JSON, and when. */
  private readonly lastRelayed = new Map<number, { json: string; at: number }>()

  get active(): boolean {
    return this.hidden
  }

  /** Returns whether the setting changed (then everyone's presence should be sent again). */
  set(hidden: boolean): boolean {
    if (hidden === this.hidden) return false
    this.hidden = hidden
    this.lastRelayed.clear()
    return true
  }

  forget(clientId: number): void {
    this.lastRelayed.delete(clientId)
  }

  /**
   * The awareness message for `clientIds` with participants' cursors stripped. With `relay`, a
   * state whose stripped form was relayed within HIDDEN_CURSOR_RENEW_MS is left out; null when
   * nothing is left. Without it (a newcomer, a query), every state is included.
   */
  message(awareness: awarenessProtocol.Awareness, clientIds: readonly number[], now: number, relay: boolean): Uint8Array | null {
    const states = awareness.getStates()
    const entries: AwarenessEntry[] = []
    for (const clientId of clientIds) {
      const clock = awareness.meta.get(clientId)?.clock ?? 0
      const state = states.get(clientId) ?? null
      if (state === null) {
        this.lastRelayed.delete(clientId)
        entries.push({ clientId, clock, state: null })
        continue
      }
      const stripped = withoutParticipantCursor(state)
      if (relay && stripped !== state) {
        const json = JSON.stringify(stripped)
        const last = this.lastRelayed.get(clientId)
        if (last && last.json === json && now - last.at < HIDDEN_CURSOR_RENEW_MS) continue
        this.lastRelayed.set(clientId, { json, at: now })
        entries.push({ clientId, clock, state: stripped, json })
        continue
      }
      entries.push({ clientId, clock, state: stripped })
    }
    if (entries.length === 0) return null
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.AWARENESS)
    encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries))
    return encoding.toUint8Array(encoder)
  }
}
