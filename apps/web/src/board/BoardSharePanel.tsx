/** The right of tldraw's top bar: the people present and the language switch. */
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { PresenceList } from './PresenceList.tsx'

export function BoardSharePanel() {
  return (
    <div className="board-share">
      <PresenceList />
      <LanguageSwitch className="language-switch--board" />
    </div>
  )
}
