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

/**
 * Deepest nesting of an awareness state. Presence is shallow (a scribble's points sit five levels
 * down); a deeper state is hostile, and encoding it again would recurse once per level.
 */
export const MAX_AWARENESS_STATE_DEPTH = 16

/**
 * Largest board record as JSON, other than assets. A long text shape is a few kilobytes; the cap
 * keeps one record from holding what should be many.
 */
export const MAX_RECORD_BYTES = 256 * 1024

/** Largest asset record as JSON: a pasted image travels inline as a data URL, base64 and all. */
export const MAX_ASSET_RECORD_BYTES = Math.ceil((MAX_ASSET_BYTES * 4) / 3) + 64 * 1024

/**
 * Deepest nesting of any value in a board record. tldraw's rich text of nested lists stays far
 * below it; every reader of a deeper value (validators, JSON, Yjs) recurses once per level.
 */
export const MAX_RECORD_DEPTH = 48

/**
 * Most structs (inserted runs, deleted runs, gaps) in one update. A browser's whole day offline
 * makes a few thousand; Yjs spends a few microseconds on each, so the cap bounds the time one
 * message can hold the server.
 */
export const MAX_UPDATE_STRUCTS = 50_000

/** Most values inserted by one update (a paste of many shapes is one struct with many values). */
export const MAX_UPDATE_VALUES = 100_000

/** Most ranges in one update's delete set. */
export const MAX_UPDATE_DELETE_RANGES = 100_000

/**
 * Bytes one socket may send per second on average; MAX_SYNC_ANSWER_BYTES at once are allowed,
 * so that a browser's offline work always fits. Past that the socket is closed with 4429:
 * checking a message costs time in proportion to its size, and one link must not hold the
 * server busy for everyone.
 */
export const MAX_BYTES_PER_SECOND = 1024 * 1024

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
