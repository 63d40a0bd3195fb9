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

/** A number that makes default names like "Person 17" tell people apart. */
function randomPersonNumber(): number {
  return 10 + Math.floor(Math.random() * 90)
}

/**
 * Default names of earlier versions: "Gast 17" named a role (guests only look), so a name
 * nobody has confirmed yet is renamed with the same number.
 */
const EARLIER_DEFAULT_NAME = /^(?:Gast|Guest) (\d{2})$/

/**
 * The stored identity, or a fresh one with a default name built by
 * `defaultName` (which gets a number that tells people apart); fresh ones are stored at once
 * so the id stays stable even if the name dialog is dismissed.
 */
export function loadUserIdentity(defaultName: (number: number) => string): StoredUser {
  const stored = readLocal(STORAGE_KEY)
  if (isStoredUser(stored)) {
    const earlier = stored.confirmed ? null : EARLIER_DEFAULT_NAME.exec(stored.name)
    if (!earlier) return stored
    const renamed: StoredUser = { ...stored, name: defaultName(Number(earlier[1])) }
    writeLocal(STORAGE_KEY, renamed)
    return renamed
  }
  const fresh: StoredUser = {
    id: randomId(),
    name: defaultName(randomPersonNumber()),
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
