/**
 * Who this browser is on a board: a stable id, a display name and a colour.
 * There are no accounts, so the identity lives in localStorage and the user
 * chooses the name on their first visit.
 */
import { readLocal, writeLocal } from '../storage/localStore.ts'
import { randomId } from './randomId.ts'
import { isUserColor, randomUserColor } from './userColors.ts'

export interface UserIdentity {
  id: string
  name: string
  color: string
}

/** Longest display name; long names would cover the canvas at every cursor. */
export const MAX_USER_NAME_LENGTH = 40

const STORAGE_KEY = 'user'

interface StoredUser extends UserIdentity {
  /** Whether the user has confirmed the name; until then the board asks for one. */
  confirmed: boolean
}

function isStoredUser(value: unknown): value is StoredUser {
  if (typeof value !== 'object' || value === null) return false
  const user = value as Record<string, unknown>
  return (
    typeof user.id === 'string' &&
    user.id.length > 0 &&
    typeof user.name === 'string' &&
    isUserColor(user.color) &&
    typeof user.confirmed === 'boolean'
  )
}

/** A number that makes default names like "Gast 17" tell people apart. */
function randomGuestNumber(): number {
  return 10 + Math.floor(Math.random() * 90)
}

/**
 * The stored identity, or a fresh one with a default name built by
 * `defaultName` (which gets the guest number); fresh ones are stored at once
 * so the id stays stable even if the name dialog is dismissed.
 */
export function loadUserIdentity(defaultName: (number: number) => string): StoredUser {
  const stored = readLocal(STORAGE_KEY)
  if (isStoredUser(stored)) return stored
  const fresh: StoredUser = {
    id: randomId(),
    name: defaultName(randomGuestNumber()),
    color: randomUserColor(),
    confirmed: false,
  }
  writeLocal(STORAGE_KEY, fresh)
  return fresh
}

export function saveUserIdentity(identity: UserIdentity): void {
  writeLocal(STORAGE_KEY, { ...identity, confirmed: true } satisfies StoredUser)
}

export function normaliseUserName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_USER_NAME_LENGTH)
}
