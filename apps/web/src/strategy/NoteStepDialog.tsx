/**
 * "Kommune und nächster Schritt": which municipality a note belongs to, and the next step it
 * names: who is responsible and by when, and whether it is done. Both count for the
 * municipality's Digitalstrategie; a later board of the series lists the steps that fell due.
 */
import {
  MAX_MUNICIPALITY_LENGTH,
  MAX_TASK_OWNER_LENGTH,
  MUNICIPALITY_META,
  municipalityOf,
  normalizeMunicipality,
  TASK_META,
  taskOf,
  type NoteTask,
} from '@dorfplatz/board'
import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLShapeId } from 'tldraw'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { currentMunicipality } from '../user/municipality.ts'
import './strategy.css'

interface NoteStepDialogProps {
  editor: Editor
  noteId: string
  onClose: () => void
}

export function NoteStepDialog({ editor, noteId, onClose }: NoteStepDialogProps) {
  const { t } = useTranslation()
  const id = useId()
  const firstRef = useRef<HTMLInputElement>(null)
  const note = editor.getShape(noteId as TLShapeId)
  const task = taskOf(note)
  const [municipality, setMunicipalityText] = useState(municipalityOf(note) ?? currentMunicipality.get())
  const [owner, setOwner] = useState(task?.owner ?? '')
  const [due, setDue] = useState(task?.due ?? '')
  const [done, setDone] = useState(task?.done ?? false)

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const current = editor.getShape(noteId as TLShapeId)
    if (!current) {
      onClose()
      return
    }
    const meta: Record<string, unknown> = { ...current.meta }
    const name = normalizeMunicipality(municipality)
    if (name) meta[MUNICIPALITY_META] = name
    else delete meta[MUNICIPALITY_META]
    const step: NoteTask = { owner: owner.trim(), due, done }
    if (step.owner || step.due || step.done) meta[TASK_META] = step
    else delete meta[TASK_META]
    editor.updateShape({ id: current.id, type: current.type, meta: meta as typeof current.meta })
    onClose()
  }

  return (
    <ModalDialog
      onOpen={() => firstRef.current?.focus()}
      title={t('noteStep.title')}
      intro={t('noteStep.intro')}
      testId="note-step-dialog"
      onSubmit={save}
      onEscape={onClose}
    >
      <div className="field">
        <label htmlFor={`${id}-municipality`}>{t('noteStep.municipalityLabel')}</label>
        <input
          ref={firstRef}
          id={`${id}-municipality`}
          type="text"
          data-testid="note-step-municipality"
          value={municipality}
          maxLength={MAX_MUNICIPALITY_LENGTH}
          autoComplete="organization"
          onChange={(event) => setMunicipalityText(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>{t('noteStep.ownerLabel')}</label>
        <input
          id={`${id}-owner`}
          type="text"
          data-testid="note-step-owner"
          value={owner}
          maxLength={MAX_TASK_OWNER_LENGTH}
          autoComplete="off"
          placeholder={t('noteStep.ownerPlaceholder')}
          onChange={(event) => setOwner(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('noteStep.dueLabel')}</label>
        <input id={`${id}-due`} type="date" data-testid="note-step-due" value={due} onChange={(event) => setDue(event.target.value)} />
      </div>
      <label className="note-step__done">
        <input type="checkbox" data-testid="note-step-done" checked={done} onChange={(event) => setDone(event.target.checked)} /> {t('noteStep.done')}
      </label>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('noteStep.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="note-step-save">
          {t('noteStep.save')}
        </button>
      </div>
    </ModalDialog>
  )
}
