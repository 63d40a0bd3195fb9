/**
 * The workshop templates as cards to choose from: a checkbox (several for a new
 * board) or a radio button (one to add to a board), the name, one sentence on
 * what it is for, and a schematic of its zones. The seven built-in ones come
 * first, then this installation's own (marked so), newest version, retired
 * ones left out.
 */
import { TEMPLATES, type BoardTemplateId, type TemplateDefinition } from '@dorfplatz/templates'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { OwnTemplateSummary } from '../api/ownTemplatesApi.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { TemplatePreview } from './TemplatePreview.tsx'
import './templates.css'

interface TemplateOptionsProps {
  /** `checkbox`: any number of templates; `radio`: exactly one. */
  type: 'checkbox' | 'radio'
  isChosen: (id: BoardTemplateId) => boolean
  onToggle: (id: BoardTemplateId, chosen: boolean) => void
  /** This installation's own templates, as the server lists them. */
  ownTemplates?: readonly OwnTemplateSummary[]
}

/** An own template's newest version, in the shape the cards show (English texts fall back on the German ones). */
export function ownTemplateCard(summary: OwnTemplateSummary): TemplateDefinition {
  const { newest } = summary
  const both = (text: { de: string; en: string }) => ({ de: text.de, en: text.en.trim() || text.de })
  return {
    id: summary.id,
    name: both(newest.name),
    description: both(newest.description),
    instruction: both(newest.instruction),
    width: newest.width,
    height: newest.height,
    zones: newest.zones,
  }
}

/** The templates a new board or "Vorlage hinzufügen" may use, in the order the cards show them. */
export function offeredTemplateIds(ownTemplates: readonly OwnTemplateSummary[] = []): BoardTemplateId[] {
  return [...TEMPLATES.map((template) => template.id), ...ownTemplates.filter((own) => own.retiredAt === null).map((own) => own.id)]
}

/** The list of options; the caller wraps it in a fieldset whose legend names the choice. */
export function TemplateOptions({ type, isChosen, onToggle, ownTemplates = [] }: TemplateOptionsProps) {
  const groupName = useId()
  const own = ownTemplates.filter((template) => template.retiredAt === null).map(ownTemplateCard)
  return (
    <ul className="template-options">
      {[...TEMPLATES, ...own].map((template) => (
        <li key={template.id}>
          <TemplateOption
            template={template}
            type={type}
            name={groupName}
            chosen={isChosen(template.id)}
            onToggle={onToggle}
            own={own.includes(template)}
          />
        </li>
      ))}
    </ul>
  )
}

interface TemplateOptionProps {
  template: TemplateDefinition
  type: 'checkbox' | 'radio'
  name: string
  chosen: boolean
  onToggle: (id: BoardTemplateId, chosen: boolean) => void
  /** One of this installation's own templates. */
  own: boolean
}

function TemplateOption({ template, type, name, chosen, onToggle, own }: TemplateOptionProps) {
  const id = useId()
  const language = useLanguage()
  const { t } = useTranslation()
  return (
    <label className="template-option" data-chosen={chosen}>
      <input
        className="template-option__input"
        type={type}
        name={name}
        value={template.id}
        checked={chosen}
        data-testid={`template-option-${template.id}`}
        // The name alone labels the option; the sentence describes it, so it is not read twice.
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-description`}
        onChange={(event) => onToggle(template.id, event.target.checked)}
      />
      <span className="template-option__name" id={`${id}-name`}>
        {template.name[language]}
      </span>
      <span className="template-option__description" id={`${id}-description`}>
        {own && <span className="template-option__own">{t('ownTemplates.badge')} </span>}
        {template.description[language]}
      </span>
      <TemplatePreview template={template} />
    </label>
  )
}
