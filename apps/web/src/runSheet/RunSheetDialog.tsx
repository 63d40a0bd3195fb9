/**
 * "Ablauf": the facilitator plans the day as steps, each with a title, a duration, a place and
 * what begins with it; reorders them with buttons, removes and skips them; takes a run-sheet
 * over from another board this browser facilitates, or from a file. Everything works by
 * keyboard: native fields, buttons with names that say which step they act on.
 */
import type { RunSheetStep } from '@dorfplatz/board'
import { MAX_DOTS_PER_PERSON, MAX_ROUND_TITLE_LENGTH, MAX_RUN_SHEET_STEPS, MAX_STEP_MINUTES, MAX_STEP_TITLE_LENGTH } from '@dorfplatz/protocol'
import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiRequestError } from '../api/ApiRequestError.ts'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { importRunSheet, replaceRunSheet, setStepStatus } from '../api/runSheetApi.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { SubmitActions } from '../components/SubmitActions.tsx'
import { useLanguage } from '../i18n/i18n.ts'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { ALL_NOTES, scopeGroups, type ScopeGroup } from '../kernel/scopeOptions.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { loadRecentBoards } from '../storage/recentBoards.ts'
import { draftFromStep, draftToRequest, emptyDraft, readRunSheetFile, runSheetFile, type DraftProblem, type DraftStep, type SimpleActionKind } from './runSheetDraft.ts'
import './runSheet.css'

interface RunSheetDialogProps {
  boardId: string
  token: string
  session: BoardSession
  onClose: () => void
}

export function RunSheetDialog({ boardId, token, session, onClose }: RunSheetDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const live = useFacilitation(session).runSheet
  const instances = useTemplateInstances(session)
  const groups = useMemo(() => scopeGroups(instances, language), [instances, language])
  const [drafts, setDrafts] = useState<DraftStep[]>(() => live.steps.map(draftFromStep))
  const [saving, setSaving] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [problem, setProblem] = useState<DraftProblem | null>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const liveById = new Map(live.steps.map((step) => [step.id, step]))

  const update = (key: string, change: (draft: DraftStep) => DraftStep) => {
    setDrafts((current) => current.map((draft) => (draft.key === key ? change(draft) : draft)))
    setStatus(null)
  }

  const focusStep = (index: number) =>
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLInputElement>('[data-testid="runsheet-step-title"]')[index]?.focus())

  function add() {
    setDrafts((current) => [...current, emptyDraft('')])
    focusStep(drafts.length)
  }

  function move(index: number, by: -1 | 1) {
    setDrafts((current) => {
      const next = [...current]
      const [moved] = next.splice(index, 1)
      next.splice(index + by, 0, moved!)
      return next
    })
    setStatus(null)
  }

  function remove(index: number) {
    setDrafts((current) => current.filter((_, at) => at !== index))
    setStatus(null)
  }

  async function toggleSkip(step: RunSheetStep) {
    setError(null)
    try {
      await setStepStatus(boardId, token, step.id, step.status === 'skipped' ? 'planned' : 'skipped')
    } catch (caught) {
      setError(`${t('runSheet.saveError')} ${apiErrorMessage(caught, t)}`)
    }
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (saving) return
    setError(null)
    setStatus(null)
    const request = draftToRequest(drafts)
    if ('problem' in request) {
      setProblem(request.problem)
      return
    }
    setProblem(null)
    setSaving(true)
    try {
      await replaceRunSheet(boardId, token, request.steps)
      setStatus(t('runSheet.saved'))
    } catch (caught) {
      // The server names what it refused; its message is for people, in English.
      const detail = caught instanceof ApiRequestError && caught.status === 422 ? caught.message : apiErrorMessage(caught, t)
      setError(`${t('runSheet.saveError')} ${detail}`)
    } finally {
      setSaving(false)
    }
  }

  // Saved steps keep their ids: after a save, new drafts learn theirs from the live sheet.
  const savedIds = live.steps.map((step) => step.id).join(',')
  const [knownIds, setKnownIds] = useState(savedIds)
  if (knownIds !== savedIds) {
    setKnownIds(savedIds)
    setDrafts((current) => {
      const taken = new Set(current.flatMap((draft) => (draft.id ? [draft.id] : [])))
      const fresh = live.steps.filter((step) => !taken.has(step.id))
      let at = 0
      return current.map((draft) => (draft.id || at >= fresh.length ? draft : { ...draft, id: fresh[at++]!.id }))
    })
  }

  const problemText = (kind: DraftProblem['kind']) =>
    ({
      title: t('runSheet.titleRequired'),
      duration: t('runSheet.durationInvalid', { max: MAX_STEP_MINUTES }),
      dots: t('voteStart.dotsInvalid', { max: MAX_DOTS_PER_PERSON }),
      votingTitle: t('voteStart.titleRequired'),
      privateTitle: t('runSheet.titleRequired'),
      tooMany: t('runSheet.tooMany', { max: MAX_RUN_SHEET_STEPS }),
    })[kind]

  return (
    <ModalDialog
      title={t('runSheet.dialogTitle')}
      intro={t('runSheet.dialogIntro')}
      testId="runsheet-dialog"
      className="dialog--wide"
      busy={saving}
      onSubmit={save}
      onEscape={() => {
        if (!saving) onClose()
      }}
    >
      {drafts.length === 0 && <p className="muted">{t('runSheet.empty')}</p>}
      <ol className="runsheet__steps" ref={listRef} aria-label={t('runSheet.stepsLabel')}>
        {drafts.map((draft, index) => (
          <StepEditor
            key={draft.key}
            draft={draft}
            index={index}
            count={drafts.length}
            saved={draft.id ? liveById.get(draft.id) : undefined}
            groups={groups}
            problem={problem && 'key' in problem && problem.key === draft.key ? problemText(problem.kind) : null}
            onChange={(change) => update(draft.key, change)}
            onMove={(by) => move(index, by)}
            onRemove={() => remove(index)}
            onSkip={(step) => void toggleSkip(step)}
          />
        ))}
      </ol>
      <div className="runsheet__buttons">
        <button type="button" className="button button--secondary button--small" data-testid="runsheet-add" onClick={add} disabled={drafts.length >= MAX_RUN_SHEET_STEPS}>
          {t('runSheet.add')}
        </button>
      </div>
      {problem?.kind === 'tooMany' && <p className="field__error">{problemText('tooMany')}</p>}
      <div className="form-error" role="alert" data-testid="runsheet-error">
        {error}
      </div>
      <p className="muted" role="status" data-testid="runsheet-status">
        {status}
      </p>
      <ImportSection boardId={boardId} token={token} onFile={(steps) => {
        setDrafts((current) => [...current, ...steps])
        setStatus(t('runSheet.uploaded', { count: steps.length }))
      }} instances={instances} drafts={drafts} />
      <SubmitActions
        busy={saving}
        cancelLabel={t('runSheet.close')}
        submitLabel={t('runSheet.save')}
        busyLabel={t('runSheet.saving')}
        submitTestId="runsheet-save"
        onCancel={onClose}
      />
    </ModalDialog>
  )
}

interface StepEditorProps {
  draft: DraftStep
  index: number
  count: number
  saved: RunSheetStep | undefined
  groups: readonly ScopeGroup[]
  problem: string | null
  onChange: (change: (draft: DraftStep) => DraftStep) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
  onSkip: (step: RunSheetStep) => void
}

function StepEditor({ draft, index, count, saved, groups, problem, onChange, onMove, onRemove, onSkip }: StepEditorProps) {
  const { t } = useTranslation()
  const id = useId()
  const name = draft.title.trim() || t('runSheet.newStep')
  const status = saved?.status ?? 'planned'
  const running = status === 'current'
  return (
    <li>
      <fieldset className={running ? 'runsheet__step runsheet__step--current' : 'runsheet__step'} data-testid="runsheet-step" data-status={status}>
        <legend>
          {t('runSheet.stepLegend', { number: index + 1 })}
          {status !== 'planned' && ` · ${t(`runSheet.status.${status}`)}`}
        </legend>
        <div className="runsheet__row">
          <div className="field runsheet__title-field">
            <label htmlFor={`${id}-title`}>{t('runSheet.stepTitle')}</label>
            <input
              id={`${id}-title`}
              type="text"
              data-testid="runsheet-step-title"
              value={draft.title}
              maxLength={MAX_STEP_TITLE_LENGTH}
              autoComplete="off"
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(event) => onChange((current) => ({ ...current, title: event.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-minutes`}>{t('runSheet.duration')}</label>
            <input
              id={`${id}-minutes`}
              className="runsheet__minutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_STEP_MINUTES}
              data-testid="runsheet-step-minutes"
              value={draft.minutes}
              onChange={(event) => onChange((current) => ({ ...current, minutes: event.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-place`}>{t('runSheet.place')}</label>
            <PlaceSelect id={`${id}-place`} testId="runsheet-step-place" value={draft.place} groups={groups} onChange={(place) => onChange((current) => ({ ...current, place }))} />
          </div>
        </div>
        {problem && (
          <p id={`${id}-problem`} className="field__error">
            {problem}
          </p>
        )}
        <fieldset className="runsheet__actions">
          <legend>{t('runSheet.actions')}</legend>
          {(['timer', 'voting', 'private', 'freeze', 'follow', 'presenting'] as const).map((kind) => (
            <label key={kind} className="runsheet__check">
              <input
                type="checkbox"
                data-testid={`runsheet-action-${kind}`}
                checked={kind === 'voting' ? draft.voting.on : kind === 'private' ? draft.private.on : draft.simple[kind]}
                onChange={(event) => {
                  const on = event.target.checked
                  onChange((current) => {
                    if (kind === 'voting') return { ...current, voting: { ...current.voting, on } }
                    if (kind === 'private') return { ...current, private: { ...current.private, on } }
                    const simple = { ...current.simple, [kind]: on } as Record<SimpleActionKind, boolean>
                    // A view follows the facilitator or the slides, not both.
                    if (on && kind === 'follow') simple.presenting = false
                    if (on && kind === 'presenting') simple.follow = false
                    return { ...current, simple }
                  })
                }}
              />{' '}
              {t(`runSheet.action.${kind}`)}
            </label>
          ))}
        </fieldset>
        {draft.voting.on && (
          <Detail>
            <div className="runsheet__row">
              <div className="field runsheet__title-field">
                <label htmlFor={`${id}-vote-title`}>{t('runSheet.votingTitle')}</label>
                <input id={`${id}-vote-title`} type="text" data-testid="runsheet-voting-title" maxLength={MAX_ROUND_TITLE_LENGTH} value={draft.voting.title} onChange={(event) => onChange((current) => ({ ...current, voting: { ...current.voting, title: event.target.value } }))} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-dots`}>{t('runSheet.dots')}</label>
                <input id={`${id}-dots`} className="runsheet__minutes" type="number" min={1} max={MAX_DOTS_PER_PERSON} value={draft.voting.dots} onChange={(event) => onChange((current) => ({ ...current, voting: { ...current.voting, dots: event.target.value } }))} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-vote-scope`}>{t('runSheet.votingScope')}</label>
                <PlaceSelect id={`${id}-vote-scope`} testId="runsheet-voting-scope" value={draft.voting.scope} groups={groups} onChange={(scope) => onChange((current) => ({ ...current, voting: { ...current.voting, scope } }))} />
              </div>
            </div>
          </Detail>
        )}
        {draft.private.on && (
          <Detail>
            <p className="field__hint">{t('runSheet.privateHint')}</p>
            <div className="runsheet__row">
              <div className="field runsheet__title-field">
                <label htmlFor={`${id}-private-title`}>{t('runSheet.privateTitle')}</label>
                <input id={`${id}-private-title`} type="text" maxLength={MAX_ROUND_TITLE_LENGTH} value={draft.private.title} onChange={(event) => onChange((current) => ({ ...current, private: { ...current.private, title: event.target.value } }))} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-private-scope`}>{t('runSheet.privateScope')}</label>
                <PlaceSelect id={`${id}-private-scope`} testId="runsheet-private-scope" value={draft.private.scope} groups={groups} onChange={(scope) => onChange((current) => ({ ...current, private: { ...current.private, scope } }))} />
              </div>
              <label className="runsheet__check">
                <input type="checkbox" checked={draft.private.showAuthors} onChange={(event) => onChange((current) => ({ ...current, private: { ...current.private, showAuthors: event.target.checked } }))} />{' '}
                {t('runSheet.showAuthors')}
              </label>
            </div>
          </Detail>
        )}
        <div className="runsheet__buttons">
          <button type="button" className="button button--quiet button--small" aria-label={t('runSheet.moveUpLabel', { title: name })} disabled={index === 0} onClick={() => onMove(-1)}>
            {t('runSheet.moveUp')}
          </button>
          <button type="button" className="button button--quiet button--small" aria-label={t('runSheet.moveDownLabel', { title: name })} disabled={index === count - 1} onClick={() => onMove(1)}>
            {t('runSheet.moveDown')}
          </button>
          {saved && (status === 'planned' || status === 'skipped') && (
            <button type="button" className="button button--quiet button--small" data-testid="runsheet-skip" aria-label={t(status === 'skipped' ? 'runSheet.unskipLabel' : 'runSheet.skipLabel', { title: name })} onClick={() => onSkip(saved)}>
              {status === 'skipped' ? t('runSheet.unskip') : t('runSheet.skip')}
            </button>
          )}
          {!running && (
            <button type="button" className="button button--quiet button--small" data-testid="runsheet-remove" aria-label={t('runSheet.removeLabel', { title: name })} onClick={onRemove}>
              {t('runSheet.remove')}
            </button>
          )}
        </div>
      </fieldset>
    </li>
  )
}

function Detail({ children }: { children: ReactNode }) {
  return <div className="runsheet__detail">{children}</div>
}

function PlaceSelect({ id, testId, value, groups, onChange }: { id: string; testId: string; value: string; groups: readonly ScopeGroup[]; onChange: (value: string) => void }) {
  const { t } = useTranslation()
  return (
    <select id={id} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value={ALL_NOTES}>{t('runSheet.placeAll')}</option>
      {groups.map((group) => (
        <optgroup key={group.instanceId} label={group.name}>
          <option value={group.value}>{t('runSheet.placeTemplate', { name: group.name })}</option>
          {group.zones.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  )
}

interface ImportSectionProps {
  boardId: string
  token: string
  instances: Parameters<typeof readRunSheetFile>[1]
  drafts: readonly DraftStep[]
  onFile: (steps: DraftStep[]) => void
}

/** "Ablauf übernehmen" from another board this browser facilitates, and the run-sheet as a file. */
function ImportSection({ boardId, token, instances, drafts, onFile }: ImportSectionProps) {
  const { t } = useTranslation()
  const id = useId()
  const sources = useMemo(() => loadRecentBoards().filter((entry) => entry.role === 'facilitator' && entry.id !== boardId), [boardId])
  const [source, setSource] = useState(sources[0]?.id ?? '')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)

  async function takeOver() {
    const entry = sources.find((candidate) => candidate.id === source)
    if (!entry || busy) return
    setBusy(true)
    setMessage(null)
    try {
      const result = await importRunSheet(boardId, token, { fromBoardId: entry.id, fromToken: entry.token })
      const dropped = result.droppedPlaces.length > 0 ? ` ${t('runSheet.importedDropped', { titles: result.droppedPlaces.join(', ') })}` : ''
      setMessage(`${t('runSheet.imported', { count: result.imported })}${dropped}`)
    } catch (caught) {
      setMessage(`${t('runSheet.importError')} ${apiErrorMessage(caught, t, { 403: t('runSheet.importForbidden'), 422: caught instanceof Error ? caught.message : '' })}`)
    } finally {
      setBusy(false)
    }
  }

  function download() {
    const request = draftToRequest(drafts)
    if ('problem' in request) return
    const url = URL.createObjectURL(new Blob([runSheetFile(request.steps)], { type: 'application/json' }))
    const anchor = document.createElement('a')
    anchor.href = url
    anchor.download = 'ablauf.json'
    anchor.click()
    URL.revokeObjectURL(url)
  }

  async function upload(file: File) {
    const steps = readRunSheetFile(await file.text(), instances)
    if (!steps) setMessage(t('runSheet.uploadError'))
    else onFile(steps)
  }

  return (
    <section className="runsheet__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('runSheet.importHeading')}</h3>
      <p className="muted">{t('runSheet.importIntro')}</p>
      {sources.length === 0 ? (
        <p className="muted">{t('runSheet.importNone')}</p>
      ) : (
        <div className="runsheet__row">
          <div className="field">
            <label htmlFor={`${id}-source`}>{t('runSheet.importSource')}</label>
            <select id={`${id}-source`} data-testid="runsheet-import-source" value={source} onChange={(event) => setSource(event.target.value)}>
              {sources.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button button--secondary button--small" data-testid="runsheet-import" aria-disabled={busy || undefined} onClick={() => void takeOver()}>
            {t('runSheet.importButton')}
          </button>
        </div>
      )}
      <h3>{t('runSheet.fileHeading')}</h3>
      <div className="runsheet__buttons">
        <button type="button" className="button button--quiet button--small" onClick={download} disabled={drafts.length === 0}>
          {t('runSheet.download')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => fileRef.current?.click()}>
          {t('runSheet.upload')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void upload(file)
          }}
        />
      </div>
      <p className="muted" role="status" data-testid="runsheet-import-status">
        {message}
      </p>
    </section>
  )
}
