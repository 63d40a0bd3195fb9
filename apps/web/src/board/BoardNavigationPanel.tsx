/** tldraw's zoom controls at the bottom left, with "Zu Vorlage springen" beside them: where a person finds their way. */
import { DefaultNavigationPanel } from 'tldraw'
import { TemplateJump } from './TemplateJump.tsx'

export function BoardNavigationPanel() {
  return (
    <div className="board-nav">
      <DefaultNavigationPanel />
      <TemplateJump />
    </div>
  )
}
