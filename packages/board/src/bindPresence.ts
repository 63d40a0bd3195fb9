/**
 * Carries tldraw presence (cursors, selections, viewports, following) over y-protocols
 * awareness, so that tldraw draws collaborators with its own machinery: this client's presence
 * is derived from its store and published in its awareness state; everybody else's becomes an
 * `instance_presence` record in the store.
 */
import { computed, react, type Signal } from '@tldraw/state'
import {
  createPresenceStateDerivation,
  createUserId,
  InstancePresenceRecordType,
  UserRecordType,
  type TLInstancePresence,
  type TLStore,
} from '@tldraw/tlschema'
import * as eventloop from 'lib0/eventloop'
import type { Awareness } from 'y-protocols/awareness'
import { FALLBACK_USER_COLOR, PRESENCE_FIELD, USER_FIELD, type AwarenessUser } from './awarenessFields.ts'
import { createWarnOnce } from './createWarnOnce.ts'

/**
 * Least time between two published presence updates. Pointer moves arrive far faster than
 * anyone can follow a cursor; 30 updates a second look smooth and keep a room of many clients
 * well inside the server's message budget.
 */
export const PRESENCE_INTERVAL_MS = 33

export interface PresenceUser {
  /** Must equal the id the editor knows its user by, or tldraw shows one's own cursor as a peer's. */
  id: string
  name?: string | null
  color?: string | null
}

export interface BindPresenceOptions {
  /**
   * This client's user. Read reactively: with a Signal, or a function that reads signals,
   * a changed name or colour reaches the others at once.
   */
  user: Signal<PresenceUser> | (() => PresenceUser)
  /** Published alongside the user for the others' presence lists (e.g. 'facilitator'). */
  role?: string
  /** Least time between two published updates; 0 publishes every change at once. */
  intervalMs?: number
  /**
   * False for a client that only watches (a projector view): it shows everyone's presence but
   * publishes none of its own, so nobody sees it as a person on the board.
   */
  publish?: boolean
}

export interface PresenceBinding {
  dispose(): void
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  { user, role = '', intervalMs = PRESENCE_INTERVAL_MS, publish: publishes = true }: BindPresenceOptions,
): PresenceBinding {
  const warn = createWarnOnce('presence')
  const $user = typeof user === 'function' ? computed('dorfplatz.presenceUser', () => user()) : user
  const $awarenessUser = computed(
    'dorfplatz.awarenessUser',
    (): AwarenessUser => {
      const { id, name, color } = $user.get()
      return { id, name: name ?? '', color: color || FALLBACK_USER_COLOR, role }
    },
  )
  const $presence = createPresenceStateDerivation(
    computed('dorfplatz.tldrawUser', () => {
      const { id, name, color } = $awarenessUser.get()
      return UserRecordType.create({ id: createUserId(id), name, color })
    }),
  )(store)

  // -- Publishing ---------------------------------------------------------------------------
  // The reaction only reads; publishing happens after it has run. Setting awareness state
  // calls other code synchronously (the provider, presence lists, in tests even another
  // client's store), which must not run while the reaction is still capturing its signals.
  let latest: Record<string, unknown> | null = null
  const publish = (): void => {
    const fields = latest
    latest = null
    const state = awareness.getLocalState()
    // A null local state means this client has left (y-protocols' convention); do not revive it.
    if (fields && state !== null) awareness.setLocalState({ ...state, ...fields })
  }

  let lastPublishedAt = -Infinity
  let pending: eventloop.TimeoutObject | null = null
  const run = (execute: () => void): void => {
    lastPublishedAt = Date.now()
    execute()
    publish()
  }
  // Throttles the reaction: leading edge at once, then at most one run per interval, always
  // with the latest presence (the reaction re-reads its signals when it runs).
  const scheduleEffect = (execute: () => void): void => {
    if (pending) return
    const wait = lastPublishedAt + intervalMs - Date.now()
    if (wait <= 0) {
      run(execute)
      return
    }
    pending = eventloop.timeout(wait, () => {
      pending = null
      run(execute)
    })
  }
  const stopPublishing = publishes
    ? react(
        'dorfplatz.publishPresence',
        () => {
          latest = { [PRESENCE_FIELD]: $presence.get(), [USER_FIELD]: $awarenessUser.get() }
        },
        { scheduleEffect },
      )
    : () => undefined

  // -- Receiving ----------------------------------------------------------------------------
  const shown = new Set<TLInstancePresence['id']>()

  const presenceFrom = (clientId: number): TLInstancePresence | null => {
    const state: unknown = awareness.getStates().get(clientId)
    if (typeof state !== 'object' || state === null) return null
    const presence: unknown = (state as Record<string, unknown>)[PRESENCE_FIELD]
    if (typeof presence !== 'object' || presence === null) return null
    try {
      return InstancePresenceRecordType.validate({
        ...presence,
        // The id comes from the awareness client id, never from the peer, so one peer cannot
        // overwrite another's cursor.
        id: InstancePresenceRecordType.createId(String(clientId)),
        typeName: 'instance_presence',
      })
    } catch (error) {
      warn(`skipped the presence of client ${clientId}: ${error instanceof Error ? error.message : String(error)}`)
      return null
    }
  }

  const onAwarenessChange = ({ added, updated, removed }: AwarenessChange): void => {
    const puts: TLInstancePresence[] = []
    const removals: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated, ...removed]) {
      if (clientId === awareness.clientID) continue
      const id = InstancePresenceRecordType.createId(String(clientId))
      const presence = presenceFrom(clientId)
      if (presence) {
        puts.push(presence)
        shown.add(id)
      } else if (shown.delete(id)) {
        removals.push(id)
      }
    }
    applyToStore(puts, removals)
  }

  const applyToStore = (puts: TLInstancePresence[], removals: TLInstancePresence['id'][]): void => {
    if (puts.length === 0 && removals.length === 0) return
    try {
      store.mergeRemoteChanges(() => {
        if (removals.length > 0) store.remove(removals)
        if (puts.length > 0) store.put(puts)
      })
    } catch (error) {
      // Runs inside the provider's message handling; a failure must not break it.
      warn(`could not apply presence: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  awareness.on('change', onAwarenessChange)
  onAwarenessChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return {
    dispose() {
      stopPublishing()
      pending?.destroy()
      pending = null
      awareness.off('change', onAwarenessChange)
      applyToStore([], [...shown])
      shown.clear()
      // Withdraw what this binding published, so the others drop this cursor at once.
      const state = awareness.getLocalState()
      if (publishes && state !== null) awareness.setLocalState({ ...state, [PRESENCE_FIELD]: null, [USER_FIELD]: null })
    },
  }
}
