/**
 * What the panels inside tldraw need to know about the open board. tldraw
 * takes its component overrides once, as stable components, so they read the
 * board from this context instead of from props. The page provides it, with the
 * actions that open its dialogs: a feature asks for a dialog without knowing it.
 */
import type { BoardInfo } from '@dorfplatz/protocol'
import { createContext, useContext } from 'react'
import type { CurrentUser } from '../user/currentUser.ts'
import type { BoardSession } from './BoardSession.ts'

export interface BoardContextValue extends BoardFileActions {
  info: BoardInfo
  /** The token of the link this board was opened with; facilitator actions send it to the API. */
  token: string
  session: BoardSession
  user: CurrentUser
  /** Opens the dialog in which the user changes their name and colour. */
  editName: () => void
  /** Opens the dialog in which a facilitator adds a workshop template. */
  addTemplate: () => void
  /** Opens the dialog in which a facilitator shows, copies and replaces the board's links. */
  share: () => void
  /** Opens the dialog in which a facilitator starts a dot vote. */
  startVote: () => void
  /** Opens the dialog in which a facilitator starts a private round ("Stilles Brainstorming"). */
  startPrivateRound: () => void
  /** Opens the dialog in which a facilitator starts, pauses, extends or stops the session timer. */
  openTimer: () => void
  /** Opens the dialog in which a facilitator plans the run-sheet ("Ablauf"). */
  openRunSheet: () => void
  /** Says `message` politely to screen readers, through the board page's one live region. */
  announce: (message: string) => void
  /** Whether the board shows as a list ("Listenansicht") instead of the canvas. */
  listView: boolean
  /** Switches between the list and the canvas; `focus` moves the keyboard focus into the list when it opens. */
  showListView: (on: boolean, options?: { focus?: boolean }) => void
  /** Opens the dialog with which anyone downloads a municipality's Digitalstrategie. */
  openStrategy: () => void
  /** Opens the dialog that assigns a note to a municipality and gives it a next step (responsible, date, done). */
  editNoteStep: (noteId: string) => void
  /** Opens the comments of a note (selecting it) with the keyboard focus in the panel: the list view's way to them. */
  openComments: (noteId: string) => void
}

export interface BoardFileActions {
  /** Opens the export dialog: pictures, PDF, `.tldr` and the results report. */
  openExport: () => void
  /** Opens the board's versions: save, look at and restore snapshots. */
  openSnapshots: () => void
  /** Opens the board's history (Verlauf): who changed what, and restoring deleted shapes. */
  openHistory: () => void
  /** Opens the dialog that imports a `.tldr` file into the board. */
  openImport: () => void
  /** Opens the projector view of the board in a new window. */
  openProjector: () => void
  /** Opens the dialog in which a facilitator deletes the board for good. */
  openDelete: () => void
  /** Opens "Als Vorlage speichern": a frame of the page becomes a template of this installation. */
  openSaveTemplate: () => void
  /** Opens "Vorlagen verwalten": this installation's own templates, their versions, export and import. */
  openManageTemplates: () => void
  /** Opens the dialog in which a facilitator starts the next workshop's board with results of this one ("In neues Board übernehmen"). */
  openCarryForward: () => void
}

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoardContext outside of a board')
  return value
}
