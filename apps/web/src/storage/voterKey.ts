/**
 * The key that makes this browser one person on a board without an account: 32 random bytes,
 * base64url like a link token, made once per board and kept in localStorage. The server stores
 * only hashes of it: as a voter's, so that it can hold each voter to the dot budget without
 * knowing who voted for what, and as the owner of a private space in "Stilles Brainstorming".
 */
import { isToken } from '@dorfplatz/protocol'
import { readLocal, writeLocal } from './localStore.ts'

/** As many random bytes as a link token has: 43 base64url characters. */
const VOTER_KEY_BYTES = 32

/** Where storage is unavailable (private windows, disabled storage) a key lasts as long as the page. */
const keysInMemory = new Map<string, string>()

function storageKey(boardId: string): string {
  return `voterKey.${boardId}`
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A fresh voter key from `crypto.getRandomValues` (which, unlike `randomUUID`, also exists on plain http). */
export function createVoterKey(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(VOTER_KEY_BYTES)))
}

/** This browser's voter key for `boardId`: the stored one, or a new one that is stored from now on. */
export function voterKeyFor(boardId: string): string {
  const stored = readLocal(storageKey(boardId))
  if (isToken(stored)) return stored
  const remembered = keysInMemory.get(boardId)
  if (remembered) return remembered
  const key = createVoterKey()
  keysInMemory.set(boardId, key)
  writeLocal(storageKey(boardId), key)
  return key
}
