/**
 * The outer message types of the y-websocket protocol: every message starts
 * with one of these as a varuint, followed by a y-protocols sync or awareness
 * message.
 *
 * HEARTBEAT is Dorfplatz's own, and only for clients that ask for it with
 * `heartbeat=1` in the sync URL (stock clients never see it): the server sends
 * the one byte [HEARTBEAT] every few seconds, and the client answers with
 * [HEARTBEAT, 0] from its message handler. A browser that lost its network, or
 * whose network its user switched off, answers the WebSocket layer's pings all
 * the same (the browser does that, not the page), but not this; the server then
 * closes its socket and everyone sees the person leave (see the server's
 * Connection.ts).
 */
export const MessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
  HEARTBEAT: 100,
} as const

/** The sync URL's query parameter with which a client asks for heartbeats (`heartbeat=1`). */
export const HEARTBEAT_PARAM = 'heartbeat'
