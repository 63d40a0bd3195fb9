/**
 * The boards of an installation and the hashes of their links' tokens: which boards exist, and
 * which board and role a token grants. One of the storage concerns (see BoardStorage).
 */
import type { Role } from '@dorfplatz/protocol'

export interface StoredBoard {
  id: string
  title: string
  createdAt: number
}

export interface NewBoard extends StoredBoard {
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
}
