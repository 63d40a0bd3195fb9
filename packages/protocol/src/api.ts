/** Shapes of the HTTP API's bodies, shared by the server's schemas and the web client. */
import type { Role } from './roles.ts'

export interface CreateBoardRequest {
  title: string
}

export interface CreatedBoard {
  id: string
  title: string
  tokens: Record<Role, string>
  links: Record<Role, string>
}

export interface BoardInfo {
  id: string
  title: string
  role: Role
  /**
   * For the facilitator, when the board is in the last RETENTION_WARNING_DAYS before the server
   * deletes it (DORFPLATZ_RETENTION_DAYS): when it was last opened before this visit, and when it
   * would have been deleted. Opening the board starts the period anew.
   */
  retention?: { lastOpenedAt: number; deletesAt: number }
}

export interface ClientConfig {
  /** tldraw licence key for production origins; empty where none is configured. */
  tldrawLicenseKey: string
  /** Whether creating boards needs the admin token. */
  adminTokenRequired: boolean
  /** The workshop's IANA time zone (`Europe/Berlin` unless the server says otherwise): file names and dates of exports follow it. */
  timeZone: string
  /** Where people report barriers, as the operator set it (DORFPLATZ_ACCESSIBILITY_CONTACT); empty where none is set. */
  accessibilityContact: string
}

/** The body of every error the API answers with. */
export interface ApiError {
  statusCode: number
  error: string
  message: string
}
