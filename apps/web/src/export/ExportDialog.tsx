/**
 * "Exportieren": a facilitator takes the board away as a PDF with one A4 page per template, as
 * the results report (Markdown and CSV), as a picture (PNG or SVG, of the page or of the
 * selection), or as the board's `.tldr` file from the server. One export runs at a time; the
 * footer says what runs, how far the PDF has got, and what came of it.
 */
import { getTemplate, isTemplateId, readStructureMeta } from '@dorfplatz/templates'
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue, type Editor } from 'tldraw'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { boardFilePath, fetchFile, reportPath } from '../api/snapshotApi.ts'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { focusMainMenuButton } from '../kernel/focusMainMenuButton.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { useLanguage, type Language } from '../i18n/i18n.ts'
import { boardImage, currentPageShapeIds, NothingToExportError, type ImageFormat } from './boardImage.ts'
import { downloadBlob } from '../components/downloadBlob.ts'
import { exportFileName } from './exportFileName.ts'
import { noteVoteTotals, roundResultLists } from './pdfResults.ts'
import type { PdfProgress } from './renderBoardPdf.ts'
import { useDelayedFlag } from './useDelayedFlag.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import type { ModalDialogOptions } from '../components/useModalDialog.ts'
import './export.css'

/** Work that ends sooner than this shows no busy text: it would only flicker. */
const SLOW_EXPORT_MS = 400

type ExportKind = 'image' | 'pdf' | 'file' | 'report-md' | 'report-csv'
type ImageArea = 'page' | 'selection'

interface ExportDialogProps {
  editor: Editor
  boardId: string
  boardTitle: string
  /** The facilitator token of the open link. */
  token: string
  /** The workshop's IANA time zone: file names and dates follow it. */
  timeZone: string
  onClose: () => void
}

/** What a finished export hands over for download. */
interface ExportFile {
  blob: Blob
  fileName: string
}

const BCP47: Record<Language, string> = { de: 'de-DE', en: 'en-GB' }

export function ExportDialog({ editor, boardId, boardTitle, token, timeZone, onClose }: ExportDialogProps) {
  const { t } = useTranslation()
  const { session } = useBoardContext()
  const { rounds } = useFacilitation(session)
  const language = useLanguage()
  const id = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [format, setFormat] = useState<ImageFormat>('png')
  const [area, setArea] = useState<ImageArea>('page')
  const [omitResolved, setOmitResolved] = useState(false)
  const [running, setRunning] = useState<ExportKind | null>(null)
  const [progress, setProgress] = useState<PdfProgress | null>(null)
  const [outcome, setOutcome] = useState('')
  const [error, setError] = useState<string | null>(null)
  const controllerRef = useRef<AbortController | null>(null)
  /** The button that started the running export: where the focus returns when it ends. */
  const triggerRef = useRef<HTMLElement | null>(null)
  const slow = useDelayedFlag(running !== null, SLOW_EXPORT_MS)

  const selectedIds = useValue('export selection', () => editor.getSelectedShapeIds(), [editor])
  const frameCount = useValue(
    'export template frames',
    () => editor.getCurrentPageShapes().filter((shape) => readStructureMeta(shape)?.part === 'frame').length,
    [editor],
  )
  const hasSelection = selectedIds.length > 0
  const imageArea: ImageArea = hasSelection ? area : 'page'

  const dialogOptions: ModalDialogOptions = {
    // Closing the dialog ends a PDF under way and drops a download nobody waits for any more.
    onClose: () => controllerRef.current?.abort(),
    // Opened from the main menu, whose item is gone by now: the menu's button takes the focus.
    fallbackFocus: focusMainMenuButton,
  }

  // When an export ends, the focus goes back to its button if it was lost on the way: tldraw's
  // export moves it, and the PDF's cancel button disappears.
  useEffect(() => {
    if (running !== null) return
    const dialog = dialogRef.current
    const trigger = triggerRef.current
    if (dialog && trigger?.isConnected && !dialog.contains(document.activeElement)) trigger.focus()
  }, [running])

  async function run(
    kind: ExportKind,
    event: MouseEvent<HTMLElement>,
    work: (signal: AbortSignal, date: Date) => Promise<ExportFile>,
    failure: (error: unknown) => string,
  ) {
    if (controllerRef.current) return
    const controller = new AbortController()
    controllerRef.current = controller
    triggerRef.current = event.currentTarget
    setRunning(kind)
    setProgress(null)
    setOutcome('')
    setError(null)
    try {
      const { blob, fileName } = await work(controller.signal, new Date())
      controller.signal.throwIfAborted()
      downloadBlob(blob, fileName, dialogRef.current ?? undefined)
      setOutcome(t('export.downloaded', { file: fileName }))
    } catch (caught) {
      if (controller.signal.aborted) {
        setOutcome(kind === 'pdf' ? t('export.pdf.cancelled') : '')
      } else {
        console.error(`Dorfplatz export (${kind}) failed`, caught)
        setError(failure(caught))
      }
    } finally {
      controllerRef.current = null
      setRunning(null)
      setProgress(null)
    }
  }

  function cancelPdf() {
    if (running === 'pdf') controllerRef.current?.abort()
  }

  const fileName = (extension: string, date: Date, part?: string) =>
    exportFileName({ title: boardTitle, date, timeZone, extension, ...(part === undefined ? {} : { part }) })

  const drawingFailure = (message: string) => (caught: unknown) =>
    caught instanceof NothingToExportError ? t('export.empty') : message

  const downloadFailure = (prefix: string) => (caught: unknown) =>
    `${prefix} ${apiErrorMessage(caught, t, {
      401: t('export.errorUnauthorized'),
      403: t('export.errorForbidden'),
      404: t('export.errorNotFound'),
    })}`

  function exportImage(event: MouseEvent<HTMLButtonElement>) {
    void run(
      'image',
      event,
      async (_signal, date) => {
        const ids = imageArea === 'selection' ? selectedIds : currentPageShapeIds(editor)
        const blob = await boardImage(editor, ids, format)
        const part = imageArea === 'selection' ? t('export.image.selectionFilePart') : undefined
        return { blob, fileName: fileName(format, date, part) }
      },
      drawingFailure(t('export.image.error')),
    )
  }

  function exportPdf(event: MouseEvent<HTMLButtonElement>) {
    void run(
      'pdf',
      event,
      async (signal, date) => {
        // pdf-lib is loaded when the first PDF is made, not with every board.
        const { pdfSections, renderBoardPdf } = await import('./renderBoardPdf.ts')
        const sections = pdfSections(
          editor,
          (frame) =>
            frame.name ||
            (isTemplateId(frame.templateId) ? getTemplate(frame.templateId).name[language] : t('export.pdf.untitledFrame')),
          editor.getCurrentPage().name,
        )
        const roundDate = new Intl.DateTimeFormat(BCP47[language], { dateStyle: 'medium', timeStyle: 'short', timeZone })
        const blob = await renderBoardPdf(editor, {
          info: {
            title: boardTitle,
            date: new Intl.DateTimeFormat(BCP47[language], { dateStyle: 'long', timeZone }).format(date),
            language: BCP47[language],
            createdAt: date,
          },
          sections,
          votes: noteVoteTotals(rounds),
          lists: roundResultLists(rounds, {
            name: (round) => t('voting.results.title', { title: round.title }),
            intro: (round) =>
              `${roundDate.format(round.revealedAt ?? round.openedAt)} · ${t('voting.results.summary', {
                dots: t('voting.results.votes', { count: round.dotsCast }),
                voters: t('voting.results.voters', { count: round.voters }),
              })}`,
            votes: (count) => t('voting.results.votes', { count }),
            noText: t('voting.results.noText'),
            empty: t('voting.results.empty'),
          }),
          footer: (page, count) => t('export.pdf.pageFooter', { page, count }),
          onProgress: setProgress,
          signal,
        })
        return { blob, fileName: fileName('pdf', date) }
      },
      drawingFailure(t('export.pdf.error')),
    )
  }

  function downloadBoardFile(event: MouseEvent<HTMLButtonElement>) {
    void run(
      'file',
      event,
      async (_signal, date) => ({ blob: await fetchFile(boardFilePath(boardId), token), fileName: fileName('tldr', date) }),
      downloadFailure(t('export.file.errorPrefix')),
    )
  }

  function downloadReport(event: MouseEvent<HTMLButtonElement>, extension: 'md' | 'csv') {
    void run(
      extension === 'md' ? 'report-md' : 'report-csv',
      event,
      async (_signal, date) => ({
        // The report's headings and column names in the language of this page.
        blob: await fetchFile(reportPath(boardId, extension, language, { omitResolved }), token),
        fileName: fileName(extension, date, t('export.report.filePart')),
      }),
      downloadFailure(t('export.report.errorPrefix')),
    )
  }

  const busy = running !== null

  function statusText(): string {
    if (running === 'pdf') {
      if (progress === null) return t('export.pdf.starting')
      if (progress.phase === 'saving') return t('export.pdf.saving')
      return t('export.pdf.progress', { page: progress.page, count: progress.count })
    }
    if (running !== null) {
      if (!slow) return ''
      if (running === 'image') return t('export.image.working')
      if (running === 'file') return t('export.file.working')
      return t('export.report.working')
    }
    return outcome
  }

  /** Pages done, for the progress bar: a page counts once its picture is in the PDF. */
  const pagesDone = progress === null ? 0 : progress.phase === 'saving' ? progress.count : progress.page - 1
  const pageCount = progress?.count ?? Math.max(frameCount, 1)

  // Buttons stay focusable while an export runs (aria-disabled, not disabled), so the focus
  // never drops to the page; `run` ignores a second start.
  const actionProps = (kind: ExportKind) => ({
    'aria-disabled': busy || undefined,
    'aria-busy': running === kind || undefined,
  })

  return (
    <ModalDialog
      {...dialogOptions}
      dialogRef={dialogRef}
      title={t('export.title')}
      intro={t('export.intro')}
      testId="export-dialog"
      className="dialog--wide"
      // Escape stops a PDF under way first; the next one closes the dialog.
      onEscape={() => {
        if (running === 'pdf') cancelPdf()
        else onClose()
      }}
    >
      <div className="export-sections">
        {/* What a facilitator hands over after a session comes first: the PDF and the report. */}
        <section className="export-section" aria-labelledby={`${id}-pdf`}>
          <h3 id={`${id}-pdf`} className="export-section__title">
            {t('export.pdf.heading')}
          </h3>
          <p id={`${id}-pdf-intro`} className="export-section__intro">
            {frameCount > 0 ? t('export.pdf.introFrames', { count: frameCount }) : t('export.pdf.introPage')}
          </p>
          <button
            type="button"
            className="button button--primary"
            data-testid="export-pdf-create"
            aria-describedby={`${id}-pdf-intro`}
            {...actionProps('pdf')}
            onClick={exportPdf}
          >
            {t('export.pdf.create')}
          </button>
        </section>

        <section className="export-section" aria-labelledby={`${id}-report`}>
          <h3 id={`${id}-report`} className="export-section__title">
            {t('export.report.heading')}
          </h3>
          <p className="export-section__intro">{t('export.report.intro')}</p>
          <label className="export-choice">
            <input
              type="checkbox"
              data-testid="export-report-omit-resolved"
              checked={omitResolved}
              onChange={(event) => setOmitResolved(event.target.checked)}
            />{' '}
            {t('export.report.omitResolved')}
          </label>
          <ul className="export-downloads">
            <li>
              <button
                type="button"
                className="button button--secondary"
                data-testid="export-report-md"
                aria-describedby={`${id}-report-md-hint`}
                {...actionProps('report-md')}
                onClick={(event) => downloadReport(event, 'md')}
              >
                {t('export.report.markdown')}
              </button>
              <p id={`${id}-report-md-hint`} className="field__hint">
                {t('export.report.markdownHint')}
              </p>
            </li>
            <li>
              <button
                type="button"
                className="button button--secondary"
                data-testid="export-report-csv"
                aria-describedby={`${id}-report-csv-hint`}
                {...actionProps('report-csv')}
                onClick={(event) => downloadReport(event, 'csv')}
              >
                {t('export.report.csv')}
              </button>
              <p id={`${id}-report-csv-hint`} className="field__hint">
                {t('export.report.csvHint')}
              </p>
            </li>
          </ul>
        </section>
        <section className="export-section" aria-labelledby={`${id}-image`}>
          <h3 id={`${id}-image`} className="export-section__title">
            {t('export.image.heading')}
          </h3>
          <p className="export-section__intro">{t('export.image.intro')}</p>
          <fieldset className="export-choices">
            <legend>{t('export.image.formatLegend')}</legend>
            {(['png', 'svg'] as const).map((value) => (
              <label key={value} className="export-choice">
                <input
                  type="radio"
                  name={`${id}-format`}
                  value={value}
                  data-testid={`export-format-${value}`}
                  checked={format === value}
                  aria-describedby={`${id}-format-${value}-hint`}
                  onChange={() => setFormat(value)}
                />
                <span className="export-choice__name">{t(`export.image.${value}`)}</span>
                <span id={`${id}-format-${value}-hint`} className="export-choice__hint">
                  {t(`export.image.${value}Hint`)}
                </span>
              </label>
            ))}
          </fieldset>
          {hasSelection && (
            <fieldset className="export-choices" data-testid="export-area">
              <legend>{t('export.image.areaLegend')}</legend>
              <label className="export-choice">
                <input
                  type="radio"
                  name={`${id}-area`}
                  value="page"
                  data-testid="export-area-page"
                  checked={imageArea === 'page'}
                  onChange={() => setArea('page')}
                />
                <span className="export-choice__name">{t('export.image.page')}</span>
              </label>
              <label className="export-choice">
                <input
                  type="radio"
                  name={`${id}-area`}
                  value="selection"
                  data-testid="export-area-selection"
                  checked={imageArea === 'selection'}
                  onChange={() => setArea('selection')}
                />
                <span className="export-choice__name">{t('export.image.selection', { count: selectedIds.length })}</span>
              </label>
            </fieldset>
          )}
          <button
            type="button"
            className="button button--secondary"
            data-testid="export-image-download"
            {...actionProps('image')}
            onClick={exportImage}
          >
            {t('export.image.download')}
          </button>
        </section>

        <section className="export-section" aria-labelledby={`${id}-file`}>
          <h3 id={`${id}-file`} className="export-section__title">
            {t('export.file.heading')}
          </h3>
          <p id={`${id}-file-intro`} className="export-section__intro">
            {t('export.file.intro')}
          </p>
          <button
            type="button"
            className="button button--secondary"
            data-testid="export-file-download"
            aria-describedby={`${id}-file-intro`}
            {...actionProps('file')}
            onClick={downloadBoardFile}
          >
            {t('export.file.download')}
          </button>
        </section>

      </div>

      <div className="dialog__footer">
        <div className="export-status" role="status" aria-live="polite" data-testid="export-status" data-running={running ?? undefined}>
          {running === 'pdf' && (
            <progress
              className="export-status__progress"
              data-testid="export-pdf-progress"
              aria-label={t('export.pdf.progressLabel')}
              value={pagesDone}
              max={pageCount}
            />
          )}
          <span className="export-status__text">{statusText()}</span>
        </div>
        <div className="form-error" role="alert" data-testid="export-error">
          {error}
        </div>
        <div className="dialog__actions">
          {running === 'pdf' && (
            <button type="button" className="button button--quiet" data-testid="export-pdf-cancel" onClick={cancelPdf}>
              {t('export.pdf.cancel')}
            </button>
          )}
          <button type="button" className="button button--secondary" data-testid="export-close" onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
