/**
 * "Verlauf": the board's history as the server recorded it, by day, one line per person and
 * minute ("14:03 – Herr Klein: 3 Notizen in SWOT › Stärken hinzugefügt, 1 Notiz gelöscht"),
 * filterable by person and template. Choosing a line closes the dialog and brings its shapes
 * into view, selected. Facilitators see names, bring deleted shapes back ("Wiederherstellen",
 * one or all of a line) and choose whether participants see the history, always without names.
 */
import type { HistoryActor, HistoryChanges, HistoryEntryInfo, HistoryItem, HistoryZone } from '@dorfplatz/protocol'
import { getTemplate, instanceTemplateName, instanceZones, isTemplateId } from '@dorfplatz/templates'
import type { TemplateInstance } from '@dorfplatz/board'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLShapeId } from 'tldraw'
import { apiErrorMessage } from '../api/apiErrorMessage.ts'
import { fetchHistory, restoreFromHistory, shareHistory } from '../api/historyApi.ts'
import { ModalDialog } from '../components/ModalDialog.tsx'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { focusMainMenuButton } from '../kernel/focusMainMenuButton.ts'
import { showNote } from '../kernel/showNote.ts'
import { useFacilitation } from '../kernel/useFacilitation.ts'
import { usePausedEditor } from '../kernel/usePausedEditor.ts'
import { useTemplateInstances } from '../kernel/useTemplateInstances.ts'
import { useLanguage } from '../i18n/i18n.ts'
import './history.css'

type Kind = keyof HistoryChanges['counts']
const KINDS: readonly Kind[] = ['added', 'edited', 'moved', 'deleted', 'restored']

const actorKey = (actor: HistoryActor | null) => (actor ? JSON.stringify([actor.role, actor.name, actor.color]) : '')

function zoneLabel(zone: HistoryZone, instances: readonly TemplateInstance[], language: 'de' | 'en'): string {
  const instance = instances.find((candidate) => candidate.instanceId === zone.instanceId)
  const known = isTemplateId(zone.templateId) ? getTemplate(zone.templateId) : null
  const zones = instance ? instanceZones(instance) : (known?.zones ?? [])
  const zoneName = zones.find((candidate) => candidate.id === zone.zoneId)?.name[language] ?? zone.zoneId
  // An own template is named by what its instance on this board stored.
  const name = (instance && instanceTemplateName(instance)) ?? known?.name
  return name ? `${name[language]} › ${zoneName}` : zoneName
}

/** The name of the template a history entry's zone belongs to. */
function templateLabel(zone: HistoryZone, instances: readonly TemplateInstance[], language: 'de' | 'en'): string {
  const instance = instances.find((candidate) => candidate.instanceId === zone.instanceId)
  const name = (instance && instanceTemplateName(instance)) ?? (isTemplateId(zone.templateId) ? getTemplate(zone.templateId).name : undefined)
  return name?.[language] ?? zone.templateId
}

export function HistoryDialog({ editor, onClose }: { editor: Editor | null; onClose: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { info, token, session } = useBoardContext()
  const facilitation = useFacilitation(session)
  const instances = useTemplateInstances(session)
  const isFacilitator = info.role === 'facilitator'
  const [entries, setEntries] = useState<HistoryEntryInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const [person, setPerson] = useState('')
  const [template, setTemplate] = useState('')

  /** Counts the reloads asked for: after a restore, or with "Aktualisieren". */
  const [loads, setLoads] = useState(0)
  const load = () => setLoads((count) => count + 1)
  usePausedEditor(editor)
  useEffect(() => {
    let cancelled = false
    fetchHistory(info.id, token).then(
      (answer) => {
        if (cancelled) return
        setEntries(answer.entries)
        setError(null)
      },
      (failed: unknown) => {
        if (!cancelled) setError(apiErrorMessage(failed, t, { 403: t('history.notShared') }))
      },
    )
    return () => {
      cancelled = true
    }
  }, [info.id, token, t, loads])

  const place = (zone: HistoryZone) => zoneLabel(zone, instances, language)
  /** "3 Notizen in SWOT › Stärken hinzugefügt": one phrase per kind of change. */
  const phrase = (kind: Kind, changes: HistoryChanges): string => {
    const items: HistoryItem[] = changes[kind]
    const count = changes.counts[kind]
    const shapeKinds = new Set(items.map((item) => item.kind))
    const noun = shapeKinds.size === 1 ? [...shapeKinds][0]! : 'mixed'
    const zones = new Set(items.map((item) => (item.zone ? JSON.stringify([item.zone.instanceId, item.zone.zoneId]) : '')))
    const zone = zones.size === 1 && items[0]?.zone && items.length === count ? items[0].zone : null
    const what: string = t(`history.noun.${noun}`, { count })
    const where: string = zone ? t(kind === 'moved' ? 'history.toZone' : 'history.inZone', { zone: place(zone) }) : ''
    return t(`history.kind.${kind}`, { what, where })
  }
  const day = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  const time = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit' })
  const actorName = (actor: HistoryActor | null) =>
    actor === null ? t('history.someone') : actor.name || (actor.role === 'facilitator' ? t('history.facilitation') : t('history.noName'))

  const people = useMemo(() => {
    const seen = new Map<string, HistoryActor>()
    for (const entry of entries ?? []) if (entry.actor) seen.set(actorKey(entry.actor), entry.actor)
    return [...seen]
  }, [entries])
  const templates = useMemo(() => {
    const seen = new Map<string, HistoryZone>()
    for (const entry of entries ?? []) for (const kind of KINDS) for (const item of entry.changes[kind]) if (item.zone) seen.set(item.zone.instanceId, item.zone)
    return [...seen.values()]
  }, [entries])

  const shown = (entries ?? []).filter(
    (entry) =>
      (person === '' || actorKey(entry.actor) === person) &&
      (template === '' || KINDS.some((kind) => entry.changes[kind].some((item) => item.zone?.instanceId === template))),
  )
  const days: Array<[string, HistoryEntryInfo[]]> = []
  for (const entry of shown) {
    const label = day.format(entry.at)
    const last = days.at(-1)
    if (last && last[0] === label) last[1].push(entry)
    else days.push([label, [entry]])
  }

  const jump = (entry: HistoryEntryInfo) => {
    if (!editor) return
    const ids = KINDS.filter((kind) => kind !== 'deleted')
      .flatMap((kind) => entry.changes[kind].map((item) => item.shapeId as TLShapeId))
      .filter((id, index, all) => all.indexOf(id) === index && editor.getShape(id))
    if (ids.length === 0) {
      setStatus(t('history.nothingToShow'))
      return
    }
    onClose()
    showNote(editor, ids[0]!)
    editor.select(...ids)
  }

  const restore = async (entry: HistoryEntryInfo, shapeId?: string) => {
    setBusy(true)
    setStatus('')
    try {
      const restored = await restoreFromHistory(info.id, token, entry.id, shapeId)
      setStatus(t('history.restored', { count: restored.length }))
      load()
    } catch (failed) {
      setStatus(apiErrorMessage(failed, t, { 409: t('history.nothingToRestore') }))
    } finally {
      setBusy(false)
    }
  }

  /** What this facilitator just chose, shown at once; the board's state follows through sync. */
  const [chosenShared, setChosenShared] = useState<boolean | null>(null)
  const setShared = async (shared: boolean) => {
    setChosenShared(shared)
    try {
      await shareHistory(info.id, token, shared)
    } catch (failed) {
      setChosenShared(null)
      setStatus(apiErrorMessage(failed, t))
    }
  }

  return (
    <ModalDialog
      fallbackFocus={focusMainMenuButton}
      title={t('history.title')}
      intro={isFacilitator ? t('history.intro') : t('history.introShared')}
      testId="history-dialog"
      className="dialog--wide history-dialog"
      onEscape={() => {
        if (!busy) onClose()
      }}
    >
      {isFacilitator && (
        <label className="history__share">
          <input
            type="checkbox"
            data-testid="history-share"
            checked={chosenShared ?? facilitation.historyShared}
            onChange={(event) => void setShared(event.target.checked)}
          />{' '}
          {t('history.share')}
        </label>
      )}
      <div className="history__filters">
        <label>
          {t('history.person')}{' '}
          <select value={person} onChange={(event) => setPerson(event.target.value)} data-testid="history-person" disabled={people.length === 0}>
            <option value="">{t('history.everyone')}</option>
            {people.map(([key, actor]) => (
              <option key={key} value={key}>
                {actorName(actor)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('history.template')}{' '}
          <select value={template} onChange={(event) => setTemplate(event.target.value)} data-testid="history-template">
            <option value="">{t('history.everyTemplate')}</option>
            {templates.map((zone) => (
              <option key={zone.instanceId} value={zone.instanceId}>
                {templateLabel(zone, instances, language)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--secondary button--small" onClick={load} disabled={busy}>
          {t('history.refresh')}
        </button>
      </div>
      <p className="history__status" role="status" data-testid="history-status">
        {error ?? status}
      </p>
      {entries === null && error === null && <p className="muted">{t('history.loading')}</p>}
      {entries !== null && shown.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <div className="history__days">
        {days.map(([label, dayEntries]) => (
          <section key={label} className="history__day">
            <h3 className="history__day-title">{label}</h3>
            <ul className="history__entries">
              {dayEntries.map((entry) => {
                const what = KINDS.filter((kind) => entry.changes.counts[kind] > 0).map((kind) => phrase(kind, entry.changes))
                const deleted = entry.changes.deleted.filter((item) => entry.restorable.includes(item.shapeId))
                return (
                  <li key={entry.id} className="history__entry" data-testid="history-entry">
                    <button type="button" className="history__jump" onClick={() => jump(entry)}>
                      <time dateTime={new Date(entry.at).toISOString()}>{time.format(entry.at)}</time>
                      {' – '}
                      {entry.actor && <span className="history__dot" style={{ background: entry.actor.color || undefined }} aria-hidden="true" />}
                      <strong>{actorName(entry.actor)}</strong>: {what.join(', ')}
                    </button>
                    {isFacilitator && deleted.length > 0 && (
                      <ul className="history__deleted">
                        {deleted.map((item) => (
                          <li key={item.shapeId}>
                            <span className="history__deleted-text">{item.text ? `„${item.text}“` : t(`history.noun.${item.kind}`, { count: 1 })}</span>
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              data-testid="history-restore"
                              disabled={busy}
                              onClick={() => void restore(entry, item.shapeId)}
                            >
                              {t('history.restore')}
                            </button>
                          </li>
                        ))}
                        {entry.restorable.length > 1 && (
                          <li>
                            <button type="button" className="button button--secondary button--small" data-testid="history-restore-all" disabled={busy} onClick={() => void restore(entry)}>
                              {t('history.restoreAll', { count: entry.restorable.length })}
                            </button>
                          </li>
                        )}
                      </ul>
                    )}
                  </li>
                )
              })}
            </ul>
          </section>
        ))}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose} disabled={busy}>
          {t('history.close')}
        </button>
      </div>
    </ModalDialog>
  )
}
