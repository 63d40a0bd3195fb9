/** The right of tldraw's top bar: the people present, the comments, the participants panel and the language switch. */
import { CommentsButton } from '../comments/CommentsPanel.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { ParticipantsButton } from './ParticipantsPanel.tsx'
import { PresenceList } from './PresenceList.tsx'

export function BoardSharePanel() {
  return (
    <div className="board-share">
      <PresenceList />
      <CommentsButton />
      <ParticipantsButton />
      <LanguageSwitch className="language-switch--board" />
    </div>
  )
}
