/**
 * "In neues Board übernehmen": a facilitator starts the next workshop's board from this one: its
 * title, its templates (the same list as "Vorlage hinzufügen"), whether it joins this board's
 * series, and one or more Übernahmen: the notes of a zone of a template here, or the top N of a
 * revealed voting round, each into a zone of one of the new board's templates. The server builds
 * the board; this browser remembers its facilitator link and offers to open it.
 */
import { MAX_CARRY_ITEMS, MAX_CARRY_TOP, MAX_SERIES_NAME_LENGTH, MAX_TITLE_LENGTH, boardPath, type CarryForwardResult, type CarryItem, type CarrySource } from '@dorfplatz/protocol'
import { TEMPLATES, getTemplate, votableNoteIds, type TemplateId } from '@dorfplatz/templates'
import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { carryForward } from '../api/seriesApi.ts'
import type { BoardSession } from '../kernel/BoardSession.ts'
import { scopeGroups } from '../kernel/scopeOptions.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { loadAdminToken } from '../storage/adminSession.ts'
import { rememberBoard } from '../storage/recentBoards.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { SubmitActions } from '../components/SubmitActions.tsx'
import { useBoardSeries } from './useBoardSeries.ts'
import { seriesChanged } from './seriesChanges.ts'
import './series.css'

interface CarryForwardDialogProps {
  boardId: string
  boardTitle: string
  /** The facilitator token of the open link. */
  token: string
  session: BoardSession
  /** Whether the server creates boards only with its admin token. */
  adminTokenRequired: boolean
  /** The templates to choose from, as checkboxes: the page's one template list, the one "Vorlage hinzufügen" shows. */
  templateOptions: (choice: TemplateChoice) => ReactNode
  onClose: () => void
}

export interface TemplateChoice {
  isChosen: (id: TemplateId) => boolean
  onToggle: (id: TemplateId, chosen: boolean) => void
}

/** One Übernahme as the form holds it: encoded choices of the two selects, and N as typed. */
interface ItemDraft {
  key: number
  source: string
  top: string
  target: string
}

const DEFAULT_TOP = 3

function sourceValue(source: CarrySource): string {
  return source.kind === 'zone' ? `zone:${source.instanceId}:${source.zoneId}` : `round:${source.roundId}`
}

function parseSource(value: string, top: number): CarrySource | null {
  const [kind, first, second] = value.split(':')
  if (kind === 'zone' && first && second) return { kind: 'zone', instanceId: first, zoneId: second }
  if (kind === 'round' && first) return { kind: 'round', roundId: first, top }
  return null
}

function parseTarget(value: string, templates: readonly TemplateId[]): CarryItem['target'] | null {
  const [index, zoneId] = value.split(':')
  const template = Number(index)
  if (!zoneId || !Number.isInteger(template) || template < 0 || template >= templates.length) return null
  return getTemplate(templates[template]!).zones.some((zone) => zone.id === zoneId) ? { template, zoneId } : null
}

export function CarryForwardDialog({ boardId, boardTitle, token, session, adminTokenRequired, templateOptions, onClose }: CarryForwardDialogProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const titleRef = useRef<HTMLInputElement>(null)
  const series = useBoardSeries(boardId, token)
  const instances = useTemplateInstances(session)
  const { rounds } = useFacilitation(session)
  const revealed = rounds.filter((round) => round.status === 'revealed' && (round.results?.length ?? 0) > 0)

  const [title, setTitle] = useState('')
  const [templates, setTemplates] = useState<TemplateId[]>([])
  const [inSeries, setInSeries] = useState(true)
  const [seriesName, setSeriesName] = useState(boardTitle)
  const [adminToken, setAdminToken] = useState(() => loadAdminToken() ?? '')
  const nextKey = useRef(1)
  const [items, setItems] = useState<ItemDraft[]>([{ key: 0, source: '', top: String(DEFAULT_TOP), target: '' }])
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [created, setCreated] = useState<CarryForwardResult | null>(null)

  // The zones of this board's templates with how many notes each holds now, counted once.
  const sourceGroups = useMemo(() => {
    const byId = new Map<string, unknown>()
    for (const record of session.store.allRecords()) if (record.typeName === 'shape') byId.set(record.id, record)
    const placed = instances.filter((instance) => byId.has(instance.frameId))
    return scopeGroups(placed, language).map((group) => ({
      name: group.name,
      zones: group.zones.map((zone) => ({
        value: zone.scope.kind === 'zone' ? sourceValue(zone.scope) : '',
        name: zone.name,
        count: votableNoteIds(byId, placed, zone.scope).length,
      })),
    }))
  }, [session, instances, language])

  const targetGroups = templates.map((templateId, index) => {
    const template = getTemplate(templateId)
    return {
      name: template.name[language],
      zones: template.zones.map((zone) => ({ value: `${index}:${zone.id}`, name: zone.name[language] })),
    }
  })

  function updateItem(key: number, change: Partial<ItemDraft>) {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)))
    setFormError(null)
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    setFormError(null)
    const trimmed = title.trim()
    if (!trimmed) {
      setFormError(t('carry.titleRequired'))
      titleRef.current?.focus()
      return
    }
    if (templates.length === 0) {
      setFormError(t('carry.templatesRequired'))
      return
    }
    const carry: CarryItem[] = []
    for (const item of items) {
      const top = Number(item.top)
      const source = parseSource(item.source, Number.isInteger(top) ? top : 0)
      const target = parseTarget(item.target, templates)
      if (!source || !target) {
        setFormError(t('carry.itemIncomplete'))
        return
      }
      if (source.kind === 'round' && !(source.top >= 1 && source.top <= MAX_CARRY_TOP)) {
        setFormError(t('carry.topInvalid', { max: MAX_CARRY_TOP }))
        return
      }
      carry.push({ source, target })
    }
    if (adminTokenRequired && !adminToken.trim()) {
      setFormError(t('carry.adminTokenRequired'))
      return
    }
    setSubmitting(true)
    try {
      const result = await carryForward(boardId, adminTokenRequired ? adminToken.trim() : token, {
        title: trimmed,
        templates,
        locale: language,
        series: inSeries,
        ...(inSeries && !series && seriesName.trim() && { seriesName: seriesName.trim() }),
        carry,
      })
      const position = result.series?.boards.find((board) => board.id === result.id)?.position
      rememberBoard({
        id: result.id,
        title: result.title,
        role: 'facilitator',
        token: result.tokens.facilitator,
        ...(result.series && position !== undefined && { series: { id: result.series.id, name: result.series.name, position } }),
      })
      seriesChanged()
      setCreated(result)
    } catch (error) {
      const reason = apiErrorMessage(error, t, {
        401: adminTokenRequired ? t('carry.errorAdmin') : t('carry.errorUnauthorized'),
        403: t('carry.errorForbidden'),
        404: t('carry.errorNotFound'),
        409: t('carry.errorNotRevealed'),
        422: t('carry.errorGone'),
      })
      setFormError(`${t('carry.errorPrefix')} ${reason}`)
    } finally {
      setSubmitting(false)
    }
  }

  if (created) {
    return (
      <ModalDialog
        title={t('carry.createdTitle')}
        intro={t('carry.createdIntro', { title: created.title, count: created.carried })}
        testId="carry-forward-done"
        onEscape={onClose}
      >
        {created.series && <p data-testid="carry-forward-series">{t('series.partOf', { name: created.series.name })}</p>}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('carry.close')}
          </button>
          <a className="button button--primary" href={boardPath(created.id, created.tokens.facilitator)} data-testid="carry-forward-open">
            {t('carry.open')}
          </a>
        </div>
      </ModalDialog>
    )
  }

  return (
    <ModalDialog
      onOpen={() => titleRef.current?.focus()}
      title={t('carry.title')}
      intro={t('carry.intro')}
      testId="carry-forward-dialog"
      className="dialog--wide"
      busy={submitting}
      onSubmit={submit}
      // The request cannot be taken back; wait for its answer instead of hiding it.
      onEscape={() => {
        if (!submitting) onClose()
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('carry.titleLabel')}</label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          type="text"
          data-testid="carry-title-input"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          required
          autoComplete="off"
          placeholder={t('carry.titlePlaceholder')}
          onChange={(event) => {
            setTitle(event.target.value)
            setFormError(null)
          }}
        />
      </div>

      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={inSeries} data-testid="carry-series-toggle" onChange={(event) => setInSeries(event.target.checked)} />{' '}
          {series ? t('carry.joinSeries', { name: series.name }) : t('carry.newSeries')}
        </label>
        {inSeries && !series && (
          <>
            <label htmlFor={`${id}-series`}>{t('carry.seriesNameLabel')}</label>
            <input
              id={`${id}-series`}
              type="text"
              data-testid="carry-series-name"
              value={seriesName}
              maxLength={MAX_SERIES_NAME_LENGTH}
              autoComplete="off"
              onChange={(event) => setSeriesName(event.target.value)}
            />
          </>
        )}
      </div>

      <fieldset className="field template-field">
        <legend>{t('carry.templatesLegend')}</legend>
        {templateOptions({
          isChosen: (templateId) => templates.includes(templateId),
          onToggle: (templateId, chosen) => {
            setFormError(null)
            // In the catalogue's order, so that each target keeps naming the same template.
            setTemplates((current) => TEMPLATES.map((template) => template.id).filter((candidate) => (candidate === templateId ? chosen : current.includes(candidate))))
            setItems((current) => current.map((item) => ({ ...item, target: '' })))
          },
        })}
      </fieldset>

      <fieldset className="field">
        <legend>{t('carry.itemsLegend')}</legend>
        <ol className="carry-items">
          {items.map((item, index) => {
            const isRound = item.source.startsWith('round:')
            return (
              <li key={item.key} className="carry-item" data-testid="carry-item">
                <div className="field">
                  <label htmlFor={`${id}-source-${item.key}`}>{t('carry.sourceLabel', { number: index + 1 })}</label>
                  <select
                    id={`${id}-source-${item.key}`}
                    data-testid="carry-source-select"
                    value={item.source}
                    onChange={(event) => updateItem(item.key, { source: event.target.value })}
                  >
                    <option value="">{t('carry.choose')}</option>
                    {revealed.length > 0 && (
                      <optgroup label={t('carry.roundsGroup')}>
                        {revealed.map((round) => (
                          <option key={round.id} value={sourceValue({ kind: 'round', roundId: round.id, top: 1 })}>
                            {t('carry.roundOption', { title: round.title })}
                          </option>
                        ))}
                      </optgroup>
                    )}
                    {sourceGroups.map((group) => (
                      <optgroup key={group.name} label={group.name}>
                        {group.zones.map((zone) => (
                          <option key={zone.value} value={zone.value}>
                            {t('carry.zoneOption', { name: zone.name, count: zone.count })}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-top-${item.key}`}>{t('carry.topLabel')}</label>
                  <input
                    id={`${id}-top-${item.key}`}
                    type="number"
                    inputMode="numeric"
                    data-testid="carry-top-input"
                    min={1}
                    max={MAX_CARRY_TOP}
                    step={1}
                    disabled={!isRound}
                    value={item.top}
                    onChange={(event) => updateItem(item.key, { top: event.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-target-${item.key}`}>{t('carry.targetLabel')}</label>
                  <select
                    id={`${id}-target-${item.key}`}
                    data-testid="carry-target-select"
                    value={item.target}
                    onChange={(event) => updateItem(item.key, { target: event.target.value })}
                  >
                    <option value="">{templates.length === 0 ? t('carry.chooseTemplatesFirst') : t('carry.choose')}</option>
                    {targetGroups.map((group) => (
                      <optgroup key={group.name} label={group.name}>
                        {group.zones.map((zone) => (
                          <option key={zone.value} value={zone.value}>
                            {zone.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  disabled={items.length === 1}
                  aria-label={t('carry.removeItemLabel', { number: index + 1 })}
                  onClick={() => setItems((current) => current.filter((other) => other.key !== item.key))}
                >
                  {t('carry.removeItem')}
                </button>
              </li>
            )
          })}
        </ol>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="carry-add-item"
          disabled={items.length >= MAX_CARRY_ITEMS}
          onClick={() => setItems((current) => [...current, { key: nextKey.current++, source: '', top: String(DEFAULT_TOP), target: '' }])}
        >
          {t('carry.addItem')}
        </button>
      </fieldset>

      {adminTokenRequired && (
        <div className="field">
          <label htmlFor={`${id}-admin`}>{t('carry.adminTokenLabel')}</label>
          <input id={`${id}-admin`} type="password" autoComplete="off" value={adminToken} onChange={(event) => setAdminToken(event.target.value)} />
          <p className="field__hint">{t('carry.adminTokenHint')}</p>
        </div>
      )}

      <div className="dialog__footer">
        <div className="form-error" role="alert" data-testid="carry-forward-error">
          {formError}
        </div>
        <SubmitActions
          busy={submitting}
          cancelLabel={t('carry.cancel')}
          submitLabel={t('carry.submit')}
          busyLabel={t('carry.submitting')}
          submitTestId="carry-forward-submit"
          onCancel={onClose}
        />
      </div>
    </ModalDialog>
  )
}
