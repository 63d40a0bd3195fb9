/**
 * Limits shared by client and server. The client stays inside them so that a
 * well-behaved user never hits the server's enforcement.
 */

/** Largest WebSocket message the server accepts; larger ones close the socket with 4413. A pasted image travels inline, so this bounds images too. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024

/**
 * Largest answer to the server's sync step 1 (a sync step 2) the server accepts: it carries at once
 * everything a browser changed while offline, images included, so it may exceed MAX_MESSAGE_BYTES.
 */
export const MAX_SYNC_ANSWER_BYTES = 16 * 1024 * 1024

/** Largest image or file the client lets a user paste onto a board (inline asset, encoded as base64, must stay under MAX_MESSAGE_BYTES). */
export const MAX_ASSET_BYTES = 2 * 1024 * 1024

/** Largest awareness state of one client (name, colour, cursor, selection). */
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024

/** Messages one socket may send per second on average before it is closed with 4429. Cursor moves at 60 Hz plus edits stay well inside. */
export const MAX_MESSAGES_PER_SECOND = 200

/** Short bursts above the average rate that are still accepted. */
export const MESSAGE_BURST = 600

/** Open facilitator and participant sockets per board; one more is closed with 4429. */
export const MAX_EDITOR_CONNECTIONS_PER_BOARD = 150

/**
 * Open viewer sockets per board, counted apart: a viewer link travels far (council, press), and
 * however many open it, the people working on the board must still get in.
 */
export const MAX_VIEWER_CONNECTIONS_PER_BOARD = 150

/** Longest board title, in characters. */
export const MAX_TITLE_LENGTH = 120
