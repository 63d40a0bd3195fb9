/**
 * "Als Vorlage speichern": a facilitator saves a frame of the page in view (a template on the
 * board, or a frame drawn by hand with labelled areas in it) as a template of this
 * installation, or as a new version of one. The server reads the frame from the board itself,
 * turns its labelled areas into zones and says why when it cannot; boards made with an earlier
 * version keep theirs.
 */
import {
  MAX_PUBLISHER_NAME_LENGTH,
  MAX_TEMPLATE_DESCRIPTION_LENGTH,
  MAX_TEMPLATE_INSTRUCTION_LENGTH,
  MAX_TEMPLATE_NAME_LENGTH,
} from '@dorfplatz/templates'
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import {
  listOwnTemplates,
  publishTemplateVersion,
  saveFrameAsTemplate,
  type OwnTemplateSummary,
} from '../api/ownTemplatesApi.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { SubmitActions } from '../components/SubmitActions.tsx'
import { useLanguage } from '../i18n/i18n.ts'
import { focusMainMenuButton } from '../kernel/focusMainMenuButton.ts'
import { usePausedEditor } from '../kernel/usePausedEditor.ts'
import { frameChoices } from './frameChoices.ts'
import './ownTemplates.css'

interface SaveTemplateDialogProps {
  boardId: string
  /** The facilitator token of the open link (or, where the server asks for it, the admin key). */
  token: string
  editor: Editor | null
  /** The name the facilitator goes by on this board: who published the version. */
  userName: string
  /** Publish a new version of this template instead of saving a new one. */
  versionOf?: OwnTemplateSummary | null
  onClose: () => void
}

const NEW = 'new'

export function SaveTemplateDialog({ boardId, token, editor, userName, versionOf = null, onClose }: SaveTemplateDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const frameRef = useRef<HTMLSelectElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const doneRef = useRef<HTMLButtonElement>(null)
  usePausedEditor(editor)

  const choices = useMemo(() => (editor ? frameChoices(editor, t('ownTemplates.untitledFrame')) : { frames: [], selected: null }), [editor, t])
  const [frameId, setFrameId] = useState(choices.selected ?? choices.frames[0]?.id ?? '')
  const [target, setTarget] = useState<string>(versionOf?.id ?? NEW)
  const [templates, setTemplates] = useState<readonly OwnTemplateSummary[]>(versionOf ? [versionOf] : [])
  const [name, setName] = useState(versionOf?.newest.name.de ?? choices.frames.find((frame) => frame.id === frameId)?.name ?? '')
  const [nameEn, setNameEn] = useState(versionOf?.newest.name.en ?? '')
  const [instruction, setInstruction] = useState(versionOf?.newest.instruction.de ?? '')
  const [description, setDescription] = useState(versionOf?.newest.description.de ?? '')
  const [publishedBy, setPublishedBy] = useState(userName)
  const [nameError, setNameError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [saved, setSaved] = useState<OwnTemplateSummary | null>(null)

  // The templates a new version can be of: this installation's, retired ones too.
  useEffect(() => {
    let current = true
    listOwnTemplates(token).then(
      (list) => current && setTemplates(list),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [token])

  useEffect(() => {
    if (saved) doneRef.current?.focus()
  }, [saved])

  function chooseTarget(value: string) {
    setTarget(value)
    const template = templates.find((candidate) => candidate.id === value)
    // A new version starts from what the template says now.
    if (template) {
      setName(template.newest.name.de)
      setNameEn(template.newest.name.en)
      setInstruction(template.newest.instruction.de)
      setDescription(template.newest.description.de)
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting || !frameId) return
    setSubmitError(null)
    if (!name.trim()) {
      setNameError(t('ownTemplates.nameRequired'))
      nameRef.current?.focus()
      return
    }
    setNameError(null)
    setSubmitting(true)
    const previous = templates.find((candidate) => candidate.id === target)
    const body = {
      boardId,
      frameId,
      name: { de: name.trim(), en: nameEn.trim() },
      instruction: { de: instruction.trim(), en: previous && previous.newest.instruction.de === instruction.trim() ? previous.newest.instruction.en : '' },
      description: { de: description.trim(), en: previous && previous.newest.description.de === description.trim() ? previous.newest.description.en : '' },
      publishedBy: publishedBy.trim() || t('ownTemplates.unnamedPublisher'),
    }
    try {
      setSaved(previous ? await publishTemplateVersion(token, previous.id, body) : await saveFrameAsTemplate(token, body))
    } catch (error) {
      setSubmitError(saveError(error))
    } finally {
      setSubmitting(false)
    }
  }

  function saveError(error: unknown): string {
    // The server says in both languages why it cannot make a template of this frame.
    if (error instanceof ApiRequestError && error.reason) return `${t('ownTemplates.errorPrefix')} ${error.reason[language]}`
    return `${t('ownTemplates.errorPrefix')} ${apiErrorMessage(error, t, {
      401: t('ownTemplates.errorUnauthorized'),
      403: t('ownTemplates.errorForbidden'),
      404: t('ownTemplates.errorNotFound'),
    })}`
  }

  const noFrames = choices.frames.length === 0
  const nameErrorId = `${id}-name-error`

  return (
    <ModalDialog
      onOpen={() => (noFrames ? undefined : frameRef.current?.focus())}
      fallbackFocus={focusMainMenuButton}
      title={t('ownTemplates.saveTitle')}
      intro={t('ownTemplates.saveIntro')}
      testId="save-template-dialog"
      className="dialog--wide"
      busy={submitting}
      onEscape={() => {
        if (!submitting) onClose()
      }}
      {...(saved ? {} : { onSubmit: submit })}
    >
      <p role="status" data-testid="save-template-result">
        {saved
          ? t('ownTemplates.saved', {
              name: saved.newest.name[language] || saved.newest.name.de,
              version: saved.newest.version,
              zones: saved.newest.zones.map((zone) => zone.name[language] || zone.name.de).join(', '),
            })
          : ''}
      </p>
      {saved ? (
        <div className="dialog__actions">
          <button ref={doneRef} type="button" className="button button--primary" data-testid="save-template-close" onClick={onClose}>
            {t('ownTemplates.close')}
          </button>
        </div>
      ) : (
        <>
          {noFrames ? (
            <p className="field__error" data-testid="save-template-no-frame">
              {t('ownTemplates.noFrame')}
            </p>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-frame`}>{t('ownTemplates.frameLabel')}</label>
              <select
                ref={frameRef}
                id={`${id}-frame`}
                data-testid="save-template-frame"
                value={frameId}
                aria-describedby={`${id}-frame-hint`}
                onChange={(event) => setFrameId(event.target.value)}
              >
                {choices.frames.map((frame) => (
                  <option key={frame.id} value={frame.id}>
                    {frame.name}
                  </option>
                ))}
              </select>
              <p id={`${id}-frame-hint`} className="field__hint">
                {t('ownTemplates.frameHint')}
              </p>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-target`}>{t('ownTemplates.targetLabel')}</label>
            <select id={`${id}-target`} data-testid="save-template-target" value={target} onChange={(event) => chooseTarget(event.target.value)}>
              <option value={NEW}>{t('ownTemplates.targetNew')}</option>
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {t('ownTemplates.targetVersion', { name: template.newest.name[language] || template.newest.name.de, version: template.newest.version + 1 })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('ownTemplates.nameLabel')}</label>
            <input
              ref={nameRef}
              id={`${id}-name`}
              type="text"
              data-testid="save-template-name"
              value={name}
              maxLength={MAX_TEMPLATE_NAME_LENGTH}
              required
              autoComplete="off"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? nameErrorId : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            {nameError && (
              <p id={nameErrorId} className="field__error">
                {nameError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-name-en`}>{t('ownTemplates.nameEnLabel')}</label>
            <input
              id={`${id}-name-en`}
              type="text"
              lang="en"
              data-testid="save-template-name-en"
              value={nameEn}
              maxLength={MAX_TEMPLATE_NAME_LENGTH}
              autoComplete="off"
              onChange={(event) => setNameEn(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-instruction`}>{t('ownTemplates.instructionLabel')}</label>
            <input
              id={`${id}-instruction`}
              type="text"
              data-testid="save-template-instruction"
              value={instruction}
              maxLength={MAX_TEMPLATE_INSTRUCTION_LENGTH}
              autoComplete="off"
              onChange={(event) => setInstruction(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-description`}>{t('ownTemplates.descriptionLabel')}</label>
            <input
              id={`${id}-description`}
              type="text"
              data-testid="save-template-description"
              value={description}
              maxLength={MAX_TEMPLATE_DESCRIPTION_LENGTH}
              autoComplete="off"
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-publisher`}>{t('ownTemplates.publisherLabel')}</label>
            <input
              id={`${id}-publisher`}
              type="text"
              data-testid="save-template-publisher"
              value={publishedBy}
              maxLength={MAX_PUBLISHER_NAME_LENGTH}
              autoComplete="name"
              onChange={(event) => setPublishedBy(event.target.value)}
            />
          </div>
          <div className="dialog__footer">
            <div className="form-error" role="alert" data-testid="save-template-error">
              {submitError}
            </div>
            <SubmitActions
              busy={submitting}
              cancelLabel={t('ownTemplates.cancel')}
              submitLabel={target === NEW ? t('ownTemplates.submitNew') : t('ownTemplates.submitVersion')}
              busyLabel={t('ownTemplates.submitting')}
              submitTestId="save-template-submit"
              onCancel={onClose}
            />
          </div>
        </>
      )}
    </ModalDialog>
  )
}
