/**
 * The outer message types of the y-websocket protocol: every message starts
 * with one of these as a varuint, followed by a y-protocols sync or awareness
 * message.
 */
export const MessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
} as const
