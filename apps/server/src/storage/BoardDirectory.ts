/**
 * The boards of an installation and the hashes of their links' tokens: which boards exist, and
 * which board and role a token grants. One of the storage concerns (see BoardStorage).
 */
import type { Role } from '@dorfplatz/protocol'

/**
 * How finely the storage notes when a board was opened: retention counts in days, and a write per
 * socket would put a durable write in the way of every one of a workshop's sockets (5,000 sockets
 * opening took 20 s instead of 3 s). A board opened again within this time is not written again.
 */
export const OPENED_AT_RESOLUTION_MS = 60 * 60 * 1000

export interface StoredBoard {
  id: string
  title: string
  createdAt: number
  /** When a socket last opened the board (its creation until then): what retention counts from. */
  lastOpenedAt: number
}

export interface NewBoard extends Omit<StoredBoard, 'lastOpenedAt'> {
  /** The seeded document as one Yjs update. */
  initialState: Uint8Array
  /** sha256 (hex) of each role's link token. */
  tokenHashes: Record<Role, string>
}

export interface TokenGrant {
  boardId: string
  role: Role
}

export interface BoardDirectory {
  createBoard(board: NewBoard): Promise<void>
  getBoard(id: string): Promise<StoredBoard | undefined>
  /** Every board, newest first. */
  listBoards(): Promise<StoredBoard[]>
  /** The board and role a token hash grants, or undefined for an unknown or revoked token. */
  findToken(tokenHash: string): Promise<TokenGrant | undefined>
  /** Revokes the role's current token(s) and stores a new one; resolves to the revoked hashes. */
  replaceToken(boardId: string, role: Role, newTokenHash: string): Promise<string[]>
  /**
   * Notes that the board was opened at `at` (a board nobody opens is deleted after the retention
   * period); a time less than OPENED_AT_RESOLUTION_MS after the one stored is not written.
   */
  touchBoard(boardId: string, at: number): Promise<void>
  /** Bytes the board takes in storage: document, log and snapshots (with their thumbnails). */
  storedBytes(boardId: string): Promise<number>
  /**
   * Deletes the board and everything of it (tokens, document, log, snapshots, thumbnails, ballots)
   * in one transaction; resolves to whether there was such a board.
   */
  deleteBoard(boardId: string): Promise<boolean>
}
