/** The three capability links of a board. There are no accounts: the link's token is the role. */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const

export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Whether a connection with this role may change the board document. */
export function canEditDocument(role: Role): boolean {
  return role !== 'viewer'
}
