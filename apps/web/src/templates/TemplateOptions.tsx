/**
 * The seven workshop templates as cards to choose from: a checkbox (several
 * for a new board) or a radio button (one to add to a board), the name, one
 * sentence on what it is for, and a schematic of its zones.
 */
import { TEMPLATES, type TemplateDefinition, type TemplateId } from '@dorfplatz/templates'
import { useId } from 'react'
import { useLanguage } from '../i18n/i18n.ts'
import { TemplatePreview } from './TemplatePreview.tsx'
import './templates.css'

interface TemplateOptionsProps {
  /** `checkbox`: any number of templates; `radio`: exactly one. */
  type: 'checkbox' | 'radio'
  isChosen: (id: TemplateId) => boolean
  onToggle: (id: TemplateId, chosen: boolean) => void
}

/** The list of options; the caller wraps it in a fieldset whose legend names the choice. */
export function TemplateOptions({ type, isChosen, onToggle }: TemplateOptionsProps) {
  const groupName = useId()
  return (
    <ul className="template-options">
      {TEMPLATES.map((template) => (
        <li key={template.id}>
          <TemplateOption
            template={template}
            type={type}
            name={groupName}
            chosen={isChosen(template.id)}
            onToggle={onToggle}
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
  onToggle: (id: TemplateId, chosen: boolean) => void
}

function TemplateOption({ template, type, name, chosen, onToggle }: TemplateOptionProps) {
  const id = useId()
  const language = useLanguage()
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
        {template.description[language]}
      </span>
      <TemplatePreview template={template} />
    </label>
  )
}
