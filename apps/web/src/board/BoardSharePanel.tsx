/** The right of tldraw's top bar: the people present, the participants panel and the language switch. */
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { ParticipantsButton } from './ParticipantsPanel.tsx'
import { PresenceList } from './PresenceList.tsx'

export function BoardSharePanel() {
  return (
    <div className="board-share">
      <PresenceList />
      <ParticipantsButton />
      <LanguageSwitch className="language-switch--board" />
    </div>
  )
}
