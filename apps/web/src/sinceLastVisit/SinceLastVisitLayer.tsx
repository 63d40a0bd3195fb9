/**
 * "Seit Ihrem letzten Besuch", in front of the canvas: a ring around every shape others added or
 * changed while this browser was away, and a panel listing them, each a way to the shape, with
 * one button to dismiss it all. Shapes deleted since are left out; the rings follow the camera.
 */
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useComputed, useEditor, useValue, type Editor, type TLShapeId } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { sameItems, shapeOnScreen, type ScreenBox } from '../kernel/shapesOnScreen.ts'
import { useMediaQuery } from '../components/useMediaQuery.ts'
import { useLanguage } from '../i18n/i18n.ts'
import { showNote } from '../kernel/showNote.ts'
import { shapeLabel, templateName, type ShapeLabel } from './shapeLabel.ts'
import { useVisitChanges } from './useVisitChanges.ts'
import { trackVisitChanges } from './VisitTracker.ts'
import type { VisitChangeKind, VisitChanges } from './visitChanges.ts'
import './sinceLastVisit.css'

interface ChangedShape {
  id: TLShapeId
  kind: VisitChangeKind
  label: ShapeLabel
  /** Page and position, for the list's reading order. */
  pageIndex: number
  y: number
  x: number
}

interface Ring extends ScreenBox {
  id: TLShapeId
  kind: VisitChangeKind
}

/** Where the panel starts folded (the same width at which the top bar rearranges for phones). */
const SMALL_SCREEN_QUERY = '(max-width: 40rem), (max-height: 30rem)'

/** Extra room around a shape so the ring does not cover its edge, in screen pixels. */
const RING_GAP_PX = 6

const sameShapes = (a: readonly ChangedShape[], b: readonly ChangedShape[]) =>
  a.length === b.length &&
  a.every((shape, index) => {
    const other = b[index]!
    return shape.id === other.id && shape.kind === other.kind && JSON.stringify(shape.label) === JSON.stringify(other.label)
  })

/**
 * The changed shapes that still exist, in reading order. The same array while the list reads the
 * same: someone dragging a listed note re-renders neither the list nor the rings' setup.
 */
function useChangedShapes(editor: Editor, changes: VisitChanges): ChangedShape[] {
  const shapes = useComputed(
    'changed shapes',
    () => {
      const pages = editor.getPages().map((page) => page.id)
      const found: ChangedShape[] = []
      for (const [id, kind] of Object.entries(changes.shapes)) {
        const shape = editor.getShape(id as TLShapeId)
        if (!shape) continue
        const bounds = editor.getShapePageBounds(shape)
        const pageId = editor.getAncestorPageId(shape)
        found.push({
          id: shape.id,
          kind,
          label: shapeLabel(shape),
          pageIndex: pageId ? pages.indexOf(pageId) : pages.length,
          y: bounds?.minY ?? 0,
          x: bounds?.minX ?? 0,
        })
      }
      return found.sort((a, b) => a.pageIndex - b.pageIndex || Math.round((a.y - b.y) / 100) || a.x - b.x)
    },
    { isEqual: sameShapes },
    [editor, changes],
  )
  return useValue(shapes)
}

/** The rings of the changed shapes in view on the current page, in viewport pixels. */
function useRings(editor: Editor, shapes: readonly ChangedShape[]): Ring[] {
  const rings = useComputed(
    'visit rings',
    () => {
      const found: Ring[] = []
      for (const { id, kind } of shapes) {
        const shape = editor.getShape(id)
        const onScreen = shape && shapeOnScreen(editor, shape)
        if (onScreen) found.push({ id, kind, ...onScreen.box })
      }
      return found
    },
    { isEqual: sameItems },
    [editor, shapes],
  )
  return useValue(rings)
}

/** "2 neu · 1 geändert · 1 entfernt" */
function useSummary(shapes: readonly ChangedShape[], removed: number): string {
  const { t } = useTranslation()
  const added = shapes.filter((shape) => shape.kind === 'added').length
  const changed = shapes.length - added
  return [
    added > 0 ? t('sinceLastVisit.added', { count: added }) : null,
    changed > 0 ? t('sinceLastVisit.changed', { count: changed }) : null,
    removed > 0 ? t('sinceLastVisit.removed', { count: removed }) : null,
  ]
    .filter(Boolean)
    .join(' · ')
}

export function SinceLastVisitLayer() {
  const { t } = useTranslation()
  const { session } = useBoardContext()
  const editor = useEditor()
  const changes = useVisitChanges(session)
  const shapes = useChangedShapes(editor, changes)
  const summary = useSummary(shapes, changes.removed)
  const anything = shapes.length > 0 || changes.removed > 0
  return (
    <>
      {/* Always there, so that screen readers announce the changes when the sync brings them. */}
      <div className="visually-hidden" role="status" data-testid="visit-announcement">
        {anything ? `${t('sinceLastVisit.title')}: ${summary}` : ''}
      </div>
      {anything && (
        <>
          <VisitRings editor={editor} shapes={shapes} />
          <VisitPanel
            shapes={shapes}
            changes={changes}
            summary={summary}
            onShow={(id) => showNote(editor, id)}
            onDismiss={() => {
              session.extension(trackVisitChanges)?.dismiss()
              // The button goes with the panel; the focus goes to the board, not to the page.
              editor.getContainer().focus()
            }}
          />
        </>
      )}
    </>
  )
}

function VisitRings({ editor, shapes }: { editor: Editor; shapes: readonly ChangedShape[] }) {
  const { t } = useTranslation()
  const rings = useRings(editor, shapes)
  return rings.map((ring) => (
    <div
      key={ring.id}
      className={`visit-ring visit-ring--${ring.kind}`}
      data-testid="visit-ring"
      data-shape-id={ring.id}
      data-kind={ring.kind}
      style={{
        left: ring.left - RING_GAP_PX,
        top: ring.top - RING_GAP_PX,
        width: ring.right - ring.left + 2 * RING_GAP_PX,
        height: ring.bottom - ring.top + 2 * RING_GAP_PX,
      }}
      aria-hidden="true"
    >
      <span className="visit-ring__badge">{t(`sinceLastVisit.kind.${ring.kind}`)}</span>
    </div>
  ))
}

interface VisitPanelProps {
  shapes: readonly ChangedShape[]
  changes: VisitChanges
  summary: string
  onShow: (id: TLShapeId) => void
  onDismiss: () => void
}

function VisitPanel({ shapes, changes, summary, onShow, onDismiss }: VisitPanelProps) {
  const { t, i18n } = useTranslation()
  const language = useLanguage()
  const id = useId()
  // On a small screen the open list would cover half the board: it starts folded, the rings show.
  const small = useMediaQuery(SMALL_SCREEN_QUERY)
  const [open, setOpen] = useState(!small)
  const since = useMemo(
    () =>
      changes.since === null
        ? null
        : new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(
            changes.since,
          ),
    [changes.since, i18n.resolvedLanguage],
  )
  function labelText(label: ShapeLabel): string {
    if (label.kind === 'text') return label.text
    if (label.kind === 'template') return t('sinceLastVisit.template', { name: templateName(label.templateId, language) })
    return t(`sinceLastVisit.shapeType.${label.type}`, { defaultValue: t('sinceLastVisit.shapeType.other') })
  }

  return (
    <section className="visit-panel" data-testid="visit-panel" data-open={open} aria-labelledby={`${id}-title`}>
      <div className="visit-panel__header">
        <h2 id={`${id}-title`} className="visit-panel__title">
          {t('sinceLastVisit.title')}
        </h2>
        <button
          type="button"
          className="visit-panel__toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          data-testid="visit-toggle"
          onClick={() => setOpen(!open)}
        >
          {open ? t('sinceLastVisit.collapse') : t('sinceLastVisit.expand', { count: shapes.length + changes.removed })}
        </button>
      </div>
      <div id={`${id}-body`} hidden={!open}>
        {since && <p className="visit-panel__since">{t('sinceLastVisit.since', { date: since })}</p>}
        <p className="visit-panel__summary" data-testid="visit-summary">
          {summary}
        </p>
        {shapes.length > 0 && (
          <ul className="visit-list">
            {shapes.map((shape) => (
              <li key={shape.id} data-testid="visit-item" data-shape-id={shape.id} data-kind={shape.kind}>
                <button type="button" className="visit-list__show" onClick={() => onShow(shape.id)}>
                  <span className={`visit-list__kind visit-list__kind--${shape.kind}`}>
                    {t(`sinceLastVisit.kind.${shape.kind}`)}
                  </span>
                  <span className="visit-list__text">{labelText(shape.label)}</span>
                  <span className="visually-hidden"> – {t('sinceLastVisit.show')}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="button button--secondary button--small visit-panel__dismiss"
          data-testid="visit-dismiss"
          onClick={onDismiss}
        >
          {t('sinceLastVisit.dismiss')}
        </button>
      </div>
    </section>
  )
}
