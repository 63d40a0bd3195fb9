/**
 * "Vorlagen verwalten": this installation's own templates with their versions (number, date and
 * who published it), and what a facilitator does with them: publish a new version from a frame of
 * this board, retire one from new boards (boards that use it keep it) or offer it again, export
 * it to a file, and import a file from another installation, which the server checks and refuses
 * with its reason.
 */
import { MAX_TEMPLATE_FILE_BYTES, type OwnTemplateId } from '@dorfplatz/templates'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import {
  exportTemplate,
  importTemplate,
  listOwnTemplates,
  retireTemplate,
  type OwnTemplateSummary,
} from '../api/ownTemplatesApi.ts'
import { downloadBlob } from '../components/downloadBlob.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { useLanguage } from '../i18n/i18n.ts'
import { focusMainMenuButton } from '../kernel/focusMainMenuButton.ts'
import './ownTemplates.css'

interface ManageTemplatesDialogProps {
  /** The facilitator token of the open link (or, where the server asks for it, the admin key). */
  token: string
  /** Opens "Als Vorlage speichern" for a new version of this template. */
  onNewVersion: (template: OwnTemplateSummary) => void
  onClose: () => void
}

export function ManageTemplatesDialog({ token, onNewVersion, onClose }: ManageTemplatesDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const [templates, setTemplates] = useState<readonly OwnTemplateSummary[] | null>(null)
  const [status, setStatus] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  /** Counts the changes made here: each one lists the templates anew. */
  const [changes, setChanges] = useState(0)

  useEffect(() => {
    let current = true
    listOwnTemplates(token).then(
      (list) => current && setTemplates(list),
      () => {
        if (!current) return
        setTemplates([])
        setError(`${t('ownTemplates.errorPrefix')} ${t('ownTemplates.errorUnauthorized')}`)
      },
    )
    return () => {
      current = false
    }
  }, [token, changes, t])

  function problem(failure: unknown): string {
    if (failure instanceof ApiRequestError && failure.reason) return `${t('ownTemplates.errorPrefix')} ${failure.reason[language]}`
    return `${t('ownTemplates.errorPrefix')} ${apiErrorMessage(failure, t, {
      401: t('ownTemplates.errorUnauthorized'),
      403: t('ownTemplates.errorForbidden'),
      404: t('ownTemplates.errorNotFound'),
      413: t('ownTemplates.errorTooLarge', { max: MAX_TEMPLATE_FILE_BYTES / 1024 }),
    })}`
  }

  async function act(work: () => Promise<string>) {
    if (busy) return
    setBusy(true)
    setError(null)
    setStatus('')
    try {
      setStatus(await work())
      setChanges((count) => count + 1)
    } catch (failure) {
      setError(problem(failure))
    } finally {
      setBusy(false)
    }
  }

  const nameOf = (template: OwnTemplateSummary) => template.newest.name[language] || template.newest.name.de

  function retire(template: OwnTemplateSummary, retired: boolean) {
    void act(async () => {
      await retireTemplate(token, template.id, retired)
      return t(retired ? 'ownTemplates.retired' : 'ownTemplates.offeredAgain', { name: nameOf(template) })
    })
  }

  function download(template: OwnTemplateSummary, versions: 'all' | 'newest') {
    void act(async () => {
      const text = await exportTemplate(token, template.id as OwnTemplateId, versions)
      const fileName = `${nameOf(template).replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'Vorlage'}.dorfplatz-vorlage.json`
      downloadBlob(new Blob([text], { type: 'application/json' }), fileName, dialogRef.current ?? document.body)
      return t('ownTemplates.exported', { name: nameOf(template) })
    })
  }

  function submitImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const file = fileRef.current?.files?.[0]
    if (!file) {
      setError(t('ownTemplates.fileRequired'))
      fileRef.current?.focus()
      return
    }
    void act(async () => {
      // Larger files are refused by the server too; this saves sending them.
      if (file.size > MAX_TEMPLATE_FILE_BYTES) throw new ApiRequestError(413, '')
      const imported = await importTemplate(token, await file.text())
      if (fileRef.current) fileRef.current.value = ''
      return t('ownTemplates.imported', { name: imported.newest.name[language] || imported.newest.name.de, count: imported.versions.length })
    })
  }

  const dateFormat = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium' })

  return (
    <ModalDialog
      dialogRef={dialogRef}
      onOpen={() => dialogRef.current?.querySelector<HTMLElement>('button, input')?.focus()}
      fallbackFocus={focusMainMenuButton}
      title={t('ownTemplates.manageTitle')}
      intro={t('ownTemplates.manageIntro')}
      testId="manage-templates-dialog"
      className="dialog--wide"
      busy={busy}
      onEscape={() => {
        if (!busy) onClose()
      }}
    >
      <p role="status" data-testid="manage-templates-status">
        {status}
      </p>
      <div className="form-error" role="alert" data-testid="manage-templates-error">
        {error}
      </div>
      {templates === null ? (
        <p className="muted">{t('ownTemplates.loading')}</p>
      ) : templates.length === 0 ? (
        <p className="muted" data-testid="manage-templates-empty">
          {t('ownTemplates.none')}
        </p>
      ) : (
        <ul className="own-templates__list" data-testid="manage-templates-list">
          {templates.map((template) => (
            <li key={template.id} className="own-templates__item" data-testid="manage-templates-item">
              <h3>
                {nameOf(template)}
                {template.retiredAt !== null && <> ({t('ownTemplates.retiredMark')})</>}
              </h3>
              <p className="muted">{t('ownTemplates.zones', { zones: template.newest.zones.map((zone) => zone.name[language] || zone.name.de).join(', ') })}</p>
              <ol className="own-templates__versions" aria-label={t('ownTemplates.versionsLabel', { name: nameOf(template) })} reversed>
                {[...template.versions].reverse().map((version) => (
                  <li key={version.version}>
                    {t('ownTemplates.versionLine', {
                      version: version.version,
                      date: dateFormat.format(version.publishedAt),
                      who: version.publishedBy,
                      name: version.name[language] || version.name.de,
                    })}
                  </li>
                ))}
              </ol>
              <div className="own-templates__actions">
                <button type="button" className="button" data-testid="manage-templates-new-version" onClick={() => onNewVersion(template)}>
                  {t('ownTemplates.newVersion')}
                </button>
                <button type="button" className="button" aria-disabled={busy} onClick={() => retire(template, template.retiredAt === null)}>
                  {template.retiredAt === null ? t('ownTemplates.retire') : t('ownTemplates.offerAgain')}
                </button>
                <button type="button" className="button" aria-disabled={busy} data-testid="manage-templates-export" onClick={() => download(template, 'all')}>
                  {t('ownTemplates.exportAll')}
                </button>
                <button type="button" className="button" aria-disabled={busy} onClick={() => download(template, 'newest')}>
                  {t('ownTemplates.exportNewest')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="own-templates__import" noValidate onSubmit={submitImport}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('ownTemplates.importLabel')}</label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            data-testid="manage-templates-file"
            aria-describedby={`${id}-file-hint`}
          />
          <p id={`${id}-file-hint`} className="field__hint">
            {t('ownTemplates.importHint', { max: MAX_TEMPLATE_FILE_BYTES / 1024 })}
          </p>
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('ownTemplates.close')}
          </button>
          <button type="submit" className="button button--primary" data-testid="manage-templates-import" aria-disabled={busy}>
            {t('ownTemplates.importSubmit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
