/** Who is on the board right now, for the app's presence list. */
import type { Awareness } from 'y-protocols/awareness'
import { readAwarenessUser } from './awarenessFields.ts'

export interface Peer {
  /** The peer's awareness (Y.Doc) client id: unique per open tab. */
  clientId: number
  /** The id the peer's user published; the same person in two tabs shares it. */
  userId: string
  name: string
  color: string
  /** The role the peer says it has; '' when it publishes none. */
  role: string
  /** Whether this entry is the calling client itself. */
  isSelf: boolean
}

/** Everyone with a published user, this client included (flagged `isSelf`), ordered by client id. */
export function listPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const user = readAwarenessUser(state)
    if (!user) continue
    peers.push({
      clientId,
      userId: user.id,
      name: user.name,
      color: user.color,
      role: user.role,
      isSelf: clientId === awareness.clientID,
    })
  }
  return peers.sort((a, b) => a.clientId - b.clientId)
}
