/**
 * The list view with the open round's votes in it, as the page shows it instead of the canvas:
 * one module, so that the page loads both only for those who read the board as a list.
 */
import type { Editor } from 'tldraw'
import { ListView } from '../listView/ListView.tsx'
import { ListNoteVote, ListRoundStatus, ListVotingProvider } from '../voting/ListVoting.tsx'

export function BoardListView({ editor, focusOnOpen }: { editor: Editor; focusOnOpen: boolean }) {
  return (
    <ListVotingProvider editor={editor}>
      <ListView
        editor={editor}
        focusOnOpen={focusOnOpen}
        roundStatus={<ListRoundStatus />}
        noteVote={(note) => <ListNoteVote noteId={note.id} text={note.text} />}
      />
    </ListVotingProvider>
  )
}
