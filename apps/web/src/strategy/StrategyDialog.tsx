/**
 * "Digitalstrategie": anyone on the board downloads the strategy of a municipality (their own by
 * default) as a Word document to edit further, or as PDF. The list offers every municipality the
 * notes of the series are assigned to.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue } from 'tldraw'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { fetchFile } from '../api/snapshotApi.ts'
import { fetchMunicipalities, strategyPath } from '../api/strategyApi.ts'
import { downloadBlob } from '../components/downloadBlob.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { useLanguage } from '../i18n/i18n.ts'
import { currentMunicipality } from '../user/municipality.ts'

interface StrategyDialogProps {
  boardId: string
  token: string
  onClose: () => void
}

export function StrategyDialog({ boardId, token, onClose }: StrategyDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const own = useValue('municipality', () => currentMunicipality.get(), [])
  const [known, setKnown] = useState<string[] | null>(null)
  const [chosen, setChosen] = useState(own)
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    fetchMunicipalities(boardId, token).then(
      (names) => {
        if (!current) return
        setKnown(names)
        setChosen((previous) => previous || names[0] || '')
      },
      () => current && setKnown([]),
    )
    return () => {
      current = false
    }
  }, [boardId, token])

  const options = [...new Set([...(own ? [own] : []), ...(known ?? [])])]

  async function download(format: 'docx' | 'pdf') {
    if (busy || chosen.trim() === '') return
    setBusy(format)
    setError(null)
    try {
      const blob = await fetchFile(strategyPath(boardId, format, chosen, language), token)
      downloadBlob(blob, `${t('strategy.filePart')} ${chosen}.${format}`, dialogRef.current ?? undefined)
    } catch (failure) {
      setError(`${t('strategy.errorPrefix')} ${apiErrorMessage(failure, t)}`)
    } finally {
      setBusy(null)
    }
  }

  return (
    <ModalDialog dialogRef={dialogRef} title={t('strategy.title')} intro={t('strategy.intro')} testId="strategy-dialog" busy={busy !== null} onEscape={onClose}>
      <div className="field">
        <label htmlFor={`${id}-municipality`}>{t('strategy.municipalityLabel')}</label>
        <input
          id={`${id}-municipality`}
          type="text"
          list={`${id}-known`}
          data-testid="strategy-municipality"
          value={chosen}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setChosen(event.target.value)}
        />
        <datalist id={`${id}-known`}>
          {options.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p id={`${id}-hint`} className="field__hint">
          {known === null
            ? t('strategy.loading')
            : known.length === 0
              ? t('strategy.noneYet')
              : t('strategy.known', { names: known.join(', ') })}
        </p>
      </div>
      <div className="form-error" role="alert" data-testid="strategy-error">
        {error}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('strategy.close')}
        </button>
        <button type="button" className="button button--secondary" data-testid="strategy-pdf" aria-disabled={busy !== null || chosen.trim() === ''} onClick={() => void download('pdf')}>
          {busy === 'pdf' ? t('strategy.working') : t('strategy.pdf')}
        </button>
        <button type="button" className="button button--primary" data-testid="strategy-docx" aria-disabled={busy !== null || chosen.trim() === ''} onClick={() => void download('docx')}>
          {busy === 'docx' ? t('strategy.working') : t('strategy.docx')}
        </button>
      </div>
    </ModalDialog>
  )
}
