/**
 * The phone's note sheet: a full-screen dialog with the note's text, where it goes ("Wohin?":
 * each template's zones, or the free area) and its colour. The place and colour are
 * remembered per board, so a run of notes into one zone is type, tap, type, tap. The sheet
 * keeps to the part of the screen the on-screen keyboard leaves free.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { getColorValue, useValue, type Editor, type TLShapeId } from 'tldraw'
import { instanceZones } from '@dorfplatz/templates'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { usePausedEditor } from '../kernel/usePausedEditor.ts'
import { useModalDialog } from '../components/useModalDialog.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { scopeGroups } from '../kernel/scopeOptions.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { addNoteAtPlace } from '../kernel/notePlacement.ts'
import {
  FREE_AREA,
  loadQuickNoteChoice,
  QUICK_NOTE_COLORS,
  saveQuickNoteChoice,
  type QuickNoteColor,
} from './quickNoteChoice.ts'

/** Long enough for a thought, short enough to stay readable on a sticky note. */
export const MAX_QUICK_NOTE_LENGTH = 280

const COLOR_NAME_KEYS = {
  yellow: 'yellow',
  orange: 'orange',
  'light-green': 'lightGreen',
  'light-blue': 'lightBlue',
  'light-violet': 'lightViolet',
  'light-red': 'lightRed',
} as const satisfies Record<QuickNoteColor, string>

interface QuickNoteSheetProps {
  editor: Editor
  /** The draft, kept by the caller so that closing the sheet does not lose it. */
  text: string
  onTextChange: (text: string) => void
  /** The note is on the board; `confirmation` says where, for the person to read or hear. */
  onAdded: (shapeId: TLShapeId, confirmation: string) => void
  onClose: () => void
}

/** Keeps the sheet within the visual viewport, the part of the screen the on-screen keyboard leaves. */
function useVisualViewportFit(dialogRef: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const viewport = window.visualViewport
    const dialog = dialogRef.current
    if (!viewport || !dialog) return
    const fit = () => {
      dialog.style.setProperty('--quick-note-height', `${viewport.height}px`)
      dialog.style.setProperty('--quick-note-top', `${viewport.offsetTop}px`)
    }
    fit()
    viewport.addEventListener('resize', fit)
    viewport.addEventListener('scroll', fit)
    return () => {
      viewport.removeEventListener('resize', fit)
      viewport.removeEventListener('scroll', fit)
    }
  }, [dialogRef])
}

export function QuickNoteSheet({ editor, text, onTextChange, onAdded, onClose }: QuickNoteSheetProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const { info, session } = useBoardContext()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const placesRef = useRef<HTMLFieldSetElement>(null)
  const instances = useTemplateInstances(session)
  const readonly = useValue('dorfplatz.readonly', () => editor.getIsReadonly(), [editor])
  // Only a freeze ends when the facilitator says so; a dead link or a newer board does not.
  const frozen = useFacilitation(session).freeze !== null
  // Frames a facilitator deleted take their zones along; ask for the shape ids only, so a note moving elsewhere re-renders nothing.
  const frameIds = useValue(
    'dorfplatz.templateFrames',
    () => instances.filter((instance) => editor.getShape(instance.frameId as TLShapeId)).map((instance) => instance.frameId).join(' '),
    [editor, instances],
  )
  const groups = useMemo(() => {
    const present = new Set(frameIds.split(' '))
    return scopeGroups(
      instances.filter((instance) => present.has(instance.frameId)),
      language,
    )
  }, [instances, frameIds, language])
  const zoneHints = useMemo(() => {
    const hints = new Map<string, string>()
    for (const instance of instances) {
      for (const zone of instanceZones(instance)) if (zone.hint) hints.set(`${instance.instanceId}/${zone.id}`, zone.hint[language])
    }
    return hints
  }, [instances, language])

  const places = useMemo(() => {
    const byValue = new Map<string, { template: string; zone: string }>()
    for (const group of groups) for (const zone of group.zones) byValue.set(zone.value, { template: group.name, zone: zone.name })
    return byValue
  }, [groups])
  const placeName = (value: string): string => {
    const zone = places.get(value)
    return zone ? t('quickNote.place', zone) : t('quickNote.freeArea')
  }
  const exists = (value: string) => value === FREE_AREA || places.has(value)

  const [stored] = useState(() => loadQuickNoteChoice(info.id))
  const [color, setColor] = useState<QuickNoteColor>(stored.color)
  // A remembered zone that left the board before the sheet opened counts as never picked.
  const [place, setPlace] = useState<string | null>(() => (stored.place !== null && exists(stored.place) ? stored.place : null))
  const [textError, setTextError] = useState<string | null>(null)
  const [placeError, setPlaceError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)

  // A place the person picked that left the board since is not swapped for another behind their back.
  const placeGone = place !== null && !exists(place)
  // Without templates the free area is the only place there is, as long as nothing else was picked.
  const chosenPlace = placeGone ? null : (place ?? (groups.length === 0 ? FREE_AREA : null))
  const placeMessage = placeGone ? t('quickNote.placeGone') : placeError

  const noteColors = useMemo(() => {
    const theme = editor.getCurrentTheme().colors[editor.getColorMode()]
    return new Map(QUICK_NOTE_COLORS.map((value) => [value, getColorValue(theme, value, 'noteFill')]))
  }, [editor])

  useModalDialog(dialogRef, { onOpen: () => textRef.current?.focus() })
  usePausedEditor(editor)
  useVisualViewportFit(dialogRef)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (readonly) return
    const trimmed = text.trim()
    setTextError(trimmed ? null : t('quickNote.textRequired'))
    setPlaceError(chosenPlace || placeGone ? null : t('quickNote.placeRequired'))
    setSubmitError(null)
    const focusPlaces = () =>
      (placesRef.current?.querySelector<HTMLInputElement>('input:checked') ?? placesRef.current?.querySelector('input'))?.focus()
    if (!trimmed) {
      textRef.current?.focus()
      return
    }
    if (!chosenPlace) {
      focusPlaces()
      return
    }
    const result = addNoteAtPlace(editor, instances, { text: trimmed, color, place: chosenPlace })
    if (!result.ok) {
      if (result.reason === 'place-gone') {
        // Gone between the last render and now; the place stays picked, so nothing takes its place unasked.
        setPlaceError(t('quickNote.placeGone'))
        focusPlaces()
      } else if (result.reason === 'place-covered') {
        setPlaceError(t('quickNote.placeCovered'))
        focusPlaces()
      } else if (result.reason === 'not-created') {
        setSubmitError(t('quickNote.notCreated'))
      }
      return
    }
    saveQuickNoteChoice(info.id, { place: chosenPlace, color })
    const zone = places.get(chosenPlace)
    onAdded(result.shapeId, zone ? t('quickNote.addedToZone', zone) : t('quickNote.addedToFreeArea'))
  }

  const placeOption = (value: string, name: string, hint: string | undefined) => (
    <label key={value} className="quick-note__place">
      <input
        type="radio"
        name={`${id}-place`}
        value={value}
        checked={chosenPlace === value}
        aria-describedby={placeMessage ? `${id}-place-error` : undefined}
        data-testid="quick-note-place"
        data-place={value}
        onChange={() => {
          setPlace(value)
          setPlaceError(null)
        }}
      />
      <span className="quick-note__place-text">
        <span className="quick-note__place-name">{name}</span>
        {hint && <span className="quick-note__place-hint">{hint}</span>}
      </span>
    </label>
  )

  return (
    <dialog
      ref={dialogRef}
      className="quick-note"
      data-testid="quick-note-sheet"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <form className="quick-note__form" noValidate onSubmit={submit}>
        <header className="quick-note__header">
          <h2 id={`${id}-title`} className="quick-note__title">
            {t('quickNote.title')}
          </h2>
          <button type="button" className="quick-note__close" data-testid="quick-note-close" onClick={onClose}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
            </svg>
            <span className="visually-hidden">{t('quickNote.close')}</span>
          </button>
        </header>

        <div className="quick-note__body">
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('quickNote.textLabel')}</label>
            <textarea
              ref={textRef}
              id={`${id}-text`}
              className="quick-note__text"
              data-testid="quick-note-text"
              value={text}
              rows={4}
              maxLength={MAX_QUICK_NOTE_LENGTH}
              placeholder={t('quickNote.textPlaceholder')}
              aria-invalid={textError ? true : undefined}
              aria-describedby={textError ? `${id}-text-error ${id}-text-count` : `${id}-text-count`}
              onChange={(event) => {
                onTextChange(event.target.value)
                setTextError(null)
              }}
            />
            {/* Read with the field, not on every key: a live count would talk over the typing. */}
            <p id={`${id}-text-count`} className="field__hint quick-note__count" data-testid="quick-note-count">
              {t('quickNote.charactersLeft', { count: MAX_QUICK_NOTE_LENGTH - text.length })}
            </p>
            {textError && (
              <p id={`${id}-text-error`} className="field__error" data-testid="quick-note-text-error">
                {textError}
              </p>
            )}
          </div>

          <fieldset ref={placesRef} className="quick-note__places">
            <legend className="quick-note__legend">{t('quickNote.placeLegend')}</legend>
            {/* An alert, there before its text: a place that left the board is said when it happens. */}
            <p
              id={`${id}-place-error`}
              className={placeMessage ? 'field__error' : 'visually-hidden'}
              role="alert"
              data-testid="quick-note-place-error"
            >
              {placeMessage}
            </p>
            {groups.map((group) => (
              <fieldset key={group.instanceId} className="quick-note__group">
                <legend className="quick-note__group-name">{group.name}</legend>
                {group.zones.map((zone) => placeOption(zone.value, zone.name, zoneHints.get(zone.value)))}
              </fieldset>
            ))}
            <fieldset className="quick-note__group">
              {groups.length > 0 && <legend className="quick-note__group-name">{t('quickNote.otherGroup')}</legend>}
              {placeOption(FREE_AREA, t('quickNote.freeArea'), t('quickNote.freeAreaHint'))}
            </fieldset>
          </fieldset>

          <fieldset className="quick-note__colors color-picker">
            <legend className="quick-note__legend">{t('quickNote.colorLegend')}</legend>
            <div className="color-picker__options">
              {QUICK_NOTE_COLORS.map((value) => (
                <label key={value} className="color-picker__option quick-note__color" title={t(`quickNote.colors.${COLOR_NAME_KEYS[value]}`)}>
                  <input
                    type="radio"
                    name={`${id}-color`}
                    value={value}
                    checked={color === value}
                    data-testid="quick-note-color"
                    onChange={() => setColor(value)}
                  />
                  <span className="color-picker__swatch" style={{ backgroundColor: noteColors.get(value) }} aria-hidden="true" />
                  <span className="visually-hidden">{t(`quickNote.colors.${COLOR_NAME_KEYS[value]}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>

        <footer className="quick-note__footer">
          <p className={readonly ? 'quick-note__notice' : 'visually-hidden'} role="status" data-testid="quick-note-readonly">
            {readonly ? t(frozen ? 'quickNote.readonlyFrozen' : 'quickNote.readonly') : ''}
          </p>
          <p className={submitError ? 'field__error quick-note__error' : 'visually-hidden'} role="alert" data-testid="quick-note-error">
            {submitError}
          </p>
          {chosenPlace && !readonly && (
            <p className="quick-note__target" data-testid="quick-note-target">
              {t('quickNote.goesTo', { place: placeName(chosenPlace) })}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary button--large quick-note__submit"
            data-testid="quick-note-submit"
            aria-disabled={readonly}
          >
            {t('quickNote.submit')}
          </button>
        </footer>
      </form>
    </dialog>
  )
}
