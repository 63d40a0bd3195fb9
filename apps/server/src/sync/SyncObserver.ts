/**
 * What the sync layer tells whoever watches it (the app's metrics): sockets joining and leaving
 * boards, bytes in and out, appends and their durations. The sync layer knows no metrics library;
 * the app passes an observer in, and without one nothing is counted. Every call is on the relay
 * path, so implementations only increment numbers: no allocation, no I/O.
 */
import type { Role } from '@dorfplatz/protocol'

export interface SyncObserver {
  /** A socket was admitted to a board with this role. */
  socketJoined(role: Role): void
  /** An admitted socket left its board. */
  socketLeft(role: Role): void
  /** The server closed a socket with this code (a refusal or a limit; 1001 on shutdown). */
  socketClosedByServer(code: number): void
  /** One message of `bytes` arrived from a client. */
  messageIn(bytes: number): void
  /** One message of `bytes` went out to a client. */
  messageOut(bytes: number): void
  /** `count` updates of one board were appended to storage in `seconds`. */
  updatesAppended(count: number, seconds: number): void
  /** A board's log was compacted into its state in `seconds`. */
  compacted(seconds: number): void
  /** A turn's updates went out `seconds` after the first of them arrived (storing included). */
  updatesRelayed(seconds: number): void
}

/** Counts nothing: the sync layer's default when no one watches. */
export const NO_OBSERVER: SyncObserver = {
  socketJoined() {},
  socketLeft() {},
  socketClosedByServer() {},
  messageIn() {},
  messageOut() {},
  updatesAppended() {},
  compacted() {},
  updatesRelayed() {},
}
