/**
 * "Notiz in Stärken schreiben": a button under each zone of the list view that opens a field
 * for a new note there. The note lands in the zone at a free spot, as the phone's sheet puts it
 * (addNoteAtPlace); the field stays open and empty for the next one, and the list announces
 * where the note went.
 */
import type { TemplateInstance } from '@dorfplatz/board'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { addNoteAtPlace } from '../kernel/notePlacement.ts'
import { MAX_NOTE_TEXT_LENGTH } from './ListNote.tsx'

interface NewNoteFormProps {
  editor: Editor
  instances: readonly TemplateInstance[]
  /** A zone's `<instanceId>/<zoneId>`, or FREE_AREA. */
  place: string
  placeName: string
  /** The zone's template, or null for the notes outside every template. */
  templateName: string | null
}

export function NewNoteForm({ editor, instances, place, placeName, templateName }: NewNoteFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const { announce } = useBoardContext()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const openRef = useRef<HTMLButtonElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)

  function close() {
    setOpen(false)
    setProblem(null)
    requestAnimationFrame(() => openRef.current?.focus())
  }

  function submit(event: Pick<FormEvent, 'preventDefault'>) {
    event.preventDefault()
    const trimmed = text.trim()
    if (!trimmed) {
      setProblem(t('quickNote.textRequired'))
      textRef.current?.focus()
      return
    }
    const result = addNoteAtPlace(editor, instances, { text: trimmed, color: 'yellow', place })
    if (!result.ok) {
      setProblem(
        t(
          result.reason === 'place-covered'
            ? 'quickNote.placeCovered'
            : result.reason === 'place-gone'
              ? 'quickNote.placeGone'
              : result.reason === 'readonly'
                ? 'listView.readonly'
                : 'quickNote.notCreated',
        ),
      )
      return
    }
    setText('')
    setProblem(null)
    announce(templateName ? t('quickNote.addedToZone', { zone: placeName, template: templateName }) : t('listView.addedToOthers'))
    // The note is in the list now; the field keeps the focus for the next one.
    textRef.current?.focus()
  }

  if (!open) {
    return (
      <button
        ref={openRef}
        type="button"
        className="button button--quiet button--small list-view__write"
        data-testid="list-write"
        onClick={() => setOpen(true)}
      >
        {t('listView.write.button', { zone: placeName })}
      </button>
    )
  }

  return (
    <form
      className="list-view__new-note"
      data-testid="list-new-note"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          close()
        }
      }}
    >
      <label htmlFor={`${id}-text`}>{t('listView.write.label', { zone: placeName })}</label>
      <textarea
        ref={textRef}
        id={`${id}-text`}
        data-testid="list-new-note-text"
        value={text}
        rows={3}
        maxLength={MAX_NOTE_TEXT_LENGTH}
        autoFocus
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(event) => {
          setText(event.target.value)
          setProblem(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event)
        }}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('listView.write.hint')}
      </p>
      <p id={`${id}-problem`} className={problem ? 'field__error' : 'visually-hidden'} role="alert">
        {problem}
      </p>
      <div className="list-note__actions">
        <button type="submit" className="button button--primary button--small" data-testid="list-new-note-submit">
          {t('listView.write.submit')}
        </button>
        <button type="button" className="button button--secondary button--small" data-testid="list-new-note-close" onClick={close}>
          {t('listView.write.close')}
        </button>
      </div>
    </form>
  )
}
