/**
 * "Zu Vorlage springen": a choice of every template on the page, for everyone; choosing one
 * moves the view to it at a readable zoom (see templateViews.ts). A native select, so that it
 * works the same with mouse, keyboard, touch and screen readers; it always shows its name,
 * as it is an action, not a setting.
 */
import { getTemplate, isTemplateId } from '@dorfplatz/templates'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useEditor, useValue } from 'tldraw'
import { useLanguage } from '../i18n/i18n.ts'
import { currentPageTemplates, showTemplate } from './templateViews.ts'

interface TemplateChoice {
  frameId: string
  name: string
}

/** The page's templates as "frameId\tname" lines: a string, so that moving a note does not render the choice again. */
function templateSignature(names: (templateId: string) => string, editor: ReturnType<typeof useEditor>): string {
  return currentPageTemplates(editor)
    .map((frame) => `${frame.id}\t${frame.name || names(frame.templateId)}`)
    .join('\n')
}

/** Names that occur more than once get a number ("Projekt-Canvas (2)"), so each choice says which one it is. */
export function numberedChoices(signature: string): TemplateChoice[] {
  if (!signature) return []
  const choices = signature.split('\n').map((line) => {
    const [frameId = '', name = ''] = line.split('\t')
    return { frameId, name }
  })
  const total = new Map<string, number>()
  for (const { name } of choices) total.set(name, (total.get(name) ?? 0) + 1)
  const seen = new Map<string, number>()
  return choices.map(({ frameId, name }) => {
    if ((total.get(name) ?? 0) < 2) return { frameId, name }
    const number = (seen.get(name) ?? 0) + 1
    seen.set(name, number)
    return { frameId, name: `${name} (${number})` }
  })
}

export function TemplateJump() {
  const { t } = useTranslation()
  const id = useId()
  const editor = useEditor()
  const language = useLanguage()
  const signature = useValue(
    'dorfplatz.templateChoices',
    () => templateSignature((templateId) => (isTemplateId(templateId) ? getTemplate(templateId).name[language] : ''), editor),
    [editor, language],
  )
  const choices = numberedChoices(signature)
  if (choices.length === 0) return null
  return (
    <div className="template-jump">
      <label className="visually-hidden" htmlFor={id}>
        {t('templateJump.label')}
      </label>
      <select
        id={id}
        className="template-jump__select"
        data-testid="template-jump"
        value=""
        title={t('templateJump.hint')}
        onChange={(event) => {
          if (event.target.value) showTemplate(editor, event.target.value, { animate: true })
        }}
      >
        <option value="" disabled>
          {t('templateJump.placeholder')}
        </option>
        {choices.map((choice) => (
          <option key={choice.frameId} value={choice.frameId}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  )
}
