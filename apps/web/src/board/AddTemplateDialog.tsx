/**
 * "Vorlage hinzufügen": a facilitator picks one workshop template and the
 * server builds it into the live board, where everyone receives it through
 * sync. A native modal <dialog> keeps focus inside and hands it back on close.
 */
import type { BoardTemplateId, TemplateInstance } from '@dorfplatz/templates'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { addTemplateToBoard } from '../api/apiClient.ts'
import { listOwnTemplates, type OwnTemplateSummary } from '../api/ownTemplatesApi.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { TemplateOptions } from '../templates/TemplateOptions.tsx'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { SubmitActions } from '../components/SubmitActions.tsx'
import type { ModalDialogOptions } from '../components/useModalDialog.ts'

interface AddTemplateDialogProps {
  boardId: string
  /** The facilitator token of the open link. */
  token: string
  onAdded: (instance: TemplateInstance) => void
  onCancel: () => void
}

export function AddTemplateDialog({ boardId, token, onAdded, onCancel }: AddTemplateDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const optionsRef = useRef<HTMLFieldSetElement>(null)
  const [chosen, setChosen] = useState<BoardTemplateId | null>(null)
  const [ownTemplates, setOwnTemplates] = useState<readonly OwnTemplateSummary[]>([])

  // Beside the seven built-in templates, this installation's own; without them the seven still serve.
  useEffect(() => {
    let current = true
    listOwnTemplates(token).then(
      (templates) => current && setOwnTemplates(templates),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [token])
  const [choiceError, setChoiceError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const dialogOptions: ModalDialogOptions = { onOpen: () => focusFirstOption(optionsRef.current) }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    setSubmitError(null)
    if (!chosen) {
      setChoiceError(t('addTemplate.chooseOne'))
      focusFirstOption(optionsRef.current)
      return
    }
    setSubmitting(true)
    try {
      const instance = await addTemplateToBoard(boardId, token, chosen, language)
      onAdded(instance)
    } catch (error) {
      const reason = apiErrorMessage(error, t, {
        401: t('addTemplate.errorUnauthorized'),
        403: t('addTemplate.errorForbidden'),
        404: t('addTemplate.errorNotFound'),
      })
      setSubmitError(`${t('addTemplate.errorPrefix')} ${reason}`)
      setSubmitting(false)
    }
  }

  const errorId = `${id}-error`

  return (
    <ModalDialog
      {...dialogOptions}
      title={t('addTemplate.title')}
      intro={t('addTemplate.intro')}
      testId="add-template-dialog"
      className="dialog--wide"
      busy={submitting}
      onSubmit={submit}
      // The request cannot be taken back; wait for its answer instead of hiding it.
      onEscape={() => {
        if (!submitting) onCancel()
      }}
    >
      <fieldset
        ref={optionsRef}
        className="field template-field"
        aria-describedby={choiceError ? errorId : undefined}
      >
        <legend>{t('addTemplate.legend')}</legend>
        <TemplateOptions
          type="radio"
          ownTemplates={ownTemplates}
          isChosen={(templateId) => templateId === chosen}
          onToggle={(templateId, isChosen) => {
            if (!isChosen) return
            setChosen(templateId)
            setChoiceError(null)
          }}
        />
      </fieldset>

      {/* Stays in view below the scrolling list, with whatever went wrong right above the buttons. */}
      <div className="dialog__footer">
        <div id={errorId} className="form-error" role="alert" data-testid="add-template-error">
          {choiceError ?? submitError}
        </div>
        <SubmitActions
          busy={submitting}
          cancelLabel={t('addTemplate.cancel')}
          submitLabel={t('addTemplate.submit')}
          busyLabel={t('addTemplate.submitting')}
          submitTestId="add-template-submit"
          onCancel={onCancel}
        />
      </div>
    </ModalDialog>
  )
}

/** Focuses the chosen radio button, or the first one: where the arrow keys start. */
function focusFirstOption(fieldset: HTMLFieldSetElement | null): void {
  const option = fieldset?.querySelector<HTMLInputElement>('input:checked') ?? fieldset?.querySelector<HTMLInputElement>('input')
  option?.focus()
}

