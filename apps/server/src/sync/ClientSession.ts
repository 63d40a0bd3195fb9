/**
 * Where one socket stands on a board: the role its link grants, which presence it speaks for,
 * and its place in the sync protocol. Created by the room when it admits the socket, owned and
 * written by the room alone; the Connection underneath knows nothing of it.
 */
import type { Role } from '@dorfplatz/protocol'
import type { Connection } from './Connection.ts'

/** Awareness client ids one socket may speak for (one per Y.Doc; a tab has one). */
export const MAX_AWARENESS_IDS_PER_SESSION = 4

export class ClientSession {
  /** Awareness client ids this socket has spoken for; removed from the room when it closes. */
  readonly awarenessIds = new Set<number>()
  /**
   * The latest state vector this socket asked the board's state against (sync step 1), and
   * whether it asked for everyone's presence. Answered once per flush however often asked,
   * so a burst of requests costs one encoding, not one each.
   */
  syncRequest: Uint8Array | null = null
  awarenessQueried = false
  /**
   * A participant's changes were dropped while the board was frozen (heldBack); the server has
   * asked for everything it lacks (after a freeze, or an update that built on changes the client
   * had not sent yet) and waits for the answer (awaitingAnswer).
   */
  heldBack = false
  awaitingAnswer = false

  constructor(
    readonly connection: Connection,
    readonly role: Role,
    /** The hash of the link's token, so that replacing the link can close this socket. */
    readonly tokenHash: string,
  ) {}

  get canEdit(): boolean {
    return this.role !== 'viewer'
  }
}
