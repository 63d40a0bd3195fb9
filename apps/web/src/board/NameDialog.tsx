/**
 * The dialog in which a person says how the others see them: a name and a
 * colour. It opens by itself on the first visit and from the own entry in the
 * presence list later. A native modal <dialog> keeps focus inside and hands it
 * back on close.
 */
import { MAX_MUNICIPALITY_LENGTH } from '@dorfplatz/board'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { USER_COLORS } from '../user/userColors.ts'
import { MAX_USER_NAME_LENGTH, normaliseUserName } from '../user/userIdentity.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { useMediaQuery } from '../components/useMediaQuery.ts'
import type { ModalDialogOptions } from '../components/useModalDialog.ts'

interface NameDialogProps {
  initialName: string
  initialColor: string
  /** The municipality this person speaks for, if chosen (see user/municipality.ts). */
  initialMunicipality: string
  /** On a first visit there is nothing to cancel to: Escape keeps the suggested name. */
  firstVisit: boolean
  onSubmit: (name: string, color: string, municipality: string) => void
  onCancel: () => void
}

/** A touch screen (a phone, a tablet) has no mouse pointer to carry the name. */
const TOUCH_QUERY = '(pointer: coarse)'

export function NameDialog({ initialName, initialColor, initialMunicipality, firstVisit, onSubmit, onCancel }: NameDialogProps) {
  const { t } = useTranslation()
  const touch = useMediaQuery(TOUCH_QUERY)
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(initialName)
  const [color, setColor] = useState(initialColor)
  const [municipality, setMunicipalityText] = useState(initialMunicipality)
  const [error, setError] = useState<string | null>(null)

  const dialogOptions: ModalDialogOptions = {
    onOpen: () => {
      inputRef.current?.focus()
      inputRef.current?.select()
    },
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const normalised = normaliseUserName(name)
    if (!normalised) {
      setError(t('nameDialog.nameRequired'))
      inputRef.current?.focus()
      return
    }
    onSubmit(normalised, color, municipality)
  }

  return (
    <ModalDialog
      {...dialogOptions}
      title={t('nameDialog.title')}
      intro={touch ? t('nameDialog.introTouch') : t('nameDialog.intro')}
      testId="name-dialog"
      onSubmit={submit}
      onEscape={() => {
        if (firstVisit) onSubmit(normaliseUserName(initialName), initialColor, initialMunicipality)
        else onCancel()
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('nameDialog.nameLabel')}</label>
        <input
          ref={inputRef}
          id={`${id}-name`}
          type="text"
          data-testid="name-input"
          value={name}
          maxLength={MAX_USER_NAME_LENGTH}
          required
          autoComplete="nickname"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setName(event.target.value)
            setError(null)
          }}
        />
        {error && (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor={`${id}-municipality`}>{t('nameDialog.municipalityLabel')}</label>
        <input
          id={`${id}-municipality`}
          type="text"
          data-testid="municipality-input"
          value={municipality}
          maxLength={MAX_MUNICIPALITY_LENGTH}
          autoComplete="organization"
          placeholder={t('nameDialog.municipalityPlaceholder')}
          aria-describedby={`${id}-municipality-hint`}
          onChange={(event) => setMunicipalityText(event.target.value)}
        />
        <p id={`${id}-municipality-hint`} className="field__hint">
          {t('nameDialog.municipalityHint')}
        </p>
      </div>

      <fieldset className="field color-picker">
        <legend>{t('nameDialog.colorLabel')}</legend>
        <div className="color-picker__options">
          {USER_COLORS.map((option) => (
            <label key={option.key} className="color-picker__option" title={t(`colors.${option.key}`)}>
              <input
                type="radio"
                name={`${id}-color`}
                value={option.value}
                checked={color.toLowerCase() === option.value}
                onChange={() => setColor(option.value)}
              />
              <span className="color-picker__swatch" style={{ backgroundColor: option.value }} aria-hidden="true" />
              <span className="visually-hidden">{t(`colors.${option.key}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="dialog__actions">
        {!firstVisit && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('nameDialog.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary" data-testid="name-submit">
          {t('nameDialog.submit')}
        </button>
      </div>
    </ModalDialog>
  )
}
