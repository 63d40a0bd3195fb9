/**
 * The Digitalstrategie of one municipality: one document assembled from the boards of a series
 * (or one board), from the notes marked as that municipality's (see @dorfplatz/board's
 * strategyMeta.ts). Nothing is invented: every line is a note's text, with the workshop, template
 * and field it comes from, its votes where it got any, and its next step where it names one.
 *
 * Chapters, each only when it has lines: the stakeholders (stakeholder map and groups), the
 * ideas, the prioritised projects (priority matrix, most votes first), the project canvases, the
 * roadmap by time and stakeholder group, further results (SWOT, retrospective), and open
 * questions and next steps (open and done steps; open comment threads on the municipality's notes).
 * The Word and PDF files are written by strategyFiles.ts, which the route loads only when a file
 * is asked for.
 */
import { formatDueDate, rankByVotes, sameMunicipality, type NoteTask } from '@dorfplatz/board'
import type { ReportModel, ReportNote, ReportLocale } from './resultsReport.ts'

/** One board's part: its report and when it was held. */
export interface StrategyBoard {
  id: string
  title: string
  createdAt: number
  report: ReportModel
}

export interface StrategySource {
  board: string
  date: number
  template: string
  zone: string
}

export interface StrategyLine {
  text: string
  votes: number
  /** Among the prioritised projects: the rank by votes (equal votes share one). */
  rank?: number
  task: NoteTask | null
  source: StrategySource
}

export interface StrategyGroup {
  heading: string
  lines: StrategyLine[]
}

export interface StrategyChapter {
  id: ChapterId
  heading: string
  groups: StrategyGroup[]
}

export interface StrategyModel {
  municipality: string
  series: string | null
  /** The first and the last workshop's dates. */
  from: number
  to: number
  generatedAt: number
  chapters: StrategyChapter[]
}

type ChapterId = 'stakeholders' | 'ideas' | 'projects' | 'canvas' | 'roadmap' | 'further' | 'next'

const CHAPTER_OF_TEMPLATE: Record<string, ChapterId> = {
  'stakeholder-map': 'stakeholders',
  'stakeholder-groups': 'stakeholders',
  'idea-collection': 'ideas',
  'priority-matrix': 'projects',
  'project-canvas': 'canvas',
  roadmap: 'roadmap',
}

export const TEXT = {
  de: {
    title: (municipality: string) => `Digitalstrategie ${municipality}`,
    series: (name: string) => `Aus der Reihe „${name}“`,
    period: (from: string, to: string) => (from === to ? `Workshop vom ${from}` : `Workshops vom ${from} bis ${to}`),
    asOf: (date: string) => `Stand: ${date}`,
    contents: 'Inhalt',
    intro:
      'Dieses Dokument fasst die Notizen zusammen, die in den Workshops der Reihe dieser Kommune zugeordnet wurden. Jede Zeile ist eine Notiz; in Klammern steht, aus welchem Workshop, welcher Vorlage und welchem Feld sie stammt.',
    empty: (municipality: string) => `In den Workshops wurden noch keine Notizen „${municipality}“ zugeordnet.`,
    chapters: {
      stakeholders: 'Akteure und Beteiligte',
      ideas: 'Ideen',
      projects: 'Priorisierte Projekte',
      canvas: 'Projekt-Canvas',
      roadmap: 'Fahrplan',
      further: 'Weitere Ergebnisse',
      next: 'Offene Fragen und nächste Schritte',
    } satisfies Record<ChapterId, string>,
    openSteps: 'Nächste Schritte: offen',
    doneSteps: 'Nächste Schritte: erledigt',
    questions: 'Offene Fragen',
    question: (note: string, text: string) => `Zu „${note}“: ${text}`,
    votes: (votes: number) => `${votes} ${votes === 1 ? 'Punkt' : 'Punkte'}`,
    owner: (owner: string) => `zuständig: ${owner}`,
    due: (date: string) => `bis ${date}`,
    source: (source: StrategySource, date: string) => `${source.board}, ${date}; ${source.template}, Feld „${source.zone}“`,
    rank: 'Rang',
    project: 'Projekt',
    dots: 'Punkte',
    origin: 'Herkunft',
  },
  en: {
    title: (municipality: string) => `Digital strategy ${municipality}`,
    series: (name: string) => `From the series “${name}”`,
    period: (from: string, to: string) => (from === to ? `Workshop of ${from}` : `Workshops from ${from} to ${to}`),
    asOf: (date: string) => `As of: ${date}`,
    contents: 'Contents',
    intro:
      'This document brings together the notes that the series’ workshops assigned to this municipality. Each line is a note; in brackets, the workshop, template and field it comes from.',
    empty: (municipality: string) => `No notes have been assigned to “${municipality}” in the workshops yet.`,
    chapters: {
      stakeholders: 'Stakeholders',
      ideas: 'Ideas',
      projects: 'Prioritised projects',
      canvas: 'Project canvas',
      roadmap: 'Roadmap',
      further: 'Further results',
      next: 'Open questions and next steps',
    } satisfies Record<ChapterId, string>,
    openSteps: 'Next steps: open',
    doneSteps: 'Next steps: done',
    questions: 'Open questions',
    question: (note: string, text: string) => `On “${note}”: ${text}`,
    votes: (votes: number) => `${votes} ${votes === 1 ? 'dot' : 'dots'}`,
    owner: (owner: string) => `responsible: ${owner}`,
    due: (date: string) => `by ${date}`,
    source: (source: StrategySource, date: string) => `${source.board}, ${date}; ${source.template}, field “${source.zone}”`,
    rank: 'Rank',
    project: 'Project',
    dots: 'Dots',
    origin: 'Origin',
  },
} as const

const CHAPTER_ORDER: readonly ChapterId[] = ['stakeholders', 'ideas', 'projects', 'canvas', 'roadmap', 'further', 'next']

export function formatDay(at: number, locale: ReportLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone }).format(at)
}

/** A next step that fell due, as a later board of the series lists it. */
export interface DueStep {
  text: string
  owner: string
  due: string
  done: boolean
  municipality: string | null
  board: string
  zone: string
}

/**
 * The next steps of `earlier` (the boards of the series held before this one) that are due by
 * `today` (`YYYY-MM-DD`), earliest first: what a workshop looks back on ("Was war seitdem fällig?").
 */
export function dueSteps(earlier: readonly StrategyBoard[], today: string): DueStep[] {
  const steps: DueStep[] = []
  for (const board of earlier) {
    for (const section of board.report.sections) {
      for (const zone of section.zones) {
        for (const note of zone.notes) {
          if (!note.task?.due || note.task.due > today) continue
          steps.push({ text: note.text, ...note.task, municipality: note.municipality, board: board.title, zone: zone.name })
        }
      }
    }
  }
  return steps.sort((a, b) => a.due.localeCompare(b.due) || a.text.localeCompare(b.text, 'de'))
}

/** Every municipality the boards' notes name, in alphabetical order, each once. */
export function municipalitiesOf(boards: readonly StrategyBoard[]): string[] {
  const found: string[] = []
  for (const { report } of boards) {
    for (const note of allNotes(report)) {
      if (note.municipality !== null && !found.some((name) => sameMunicipality(name, note.municipality!))) found.push(note.municipality)
    }
  }
  return found.sort((a, b) => a.localeCompare(b, 'de'))
}

function allNotes(report: ReportModel): ReportNote[] {
  return [...report.sections.flatMap((section) => section.zones.flatMap((zone) => zone.notes)), ...report.other]
}

export function buildStrategy(
  boards: readonly StrategyBoard[],
  municipality: string,
  { series, locale, now = Date.now() }: { series: string | null; locale: ReportLocale; now?: number },
): StrategyModel {
  const t = TEXT[locale]
  const chapters = new Map<ChapterId, Map<string, StrategyLine[]>>()
  const add = (chapter: ChapterId, group: string, line: StrategyLine) => {
    const groups = chapters.get(chapter) ?? new Map<string, StrategyLine[]>()
    chapters.set(chapter, groups)
    groups.set(group, [...(groups.get(group) ?? []), line])
  }
  const mine = (note: ReportNote) => note.municipality !== null && sameMunicipality(note.municipality, municipality)
  for (const board of boards) {
    let canvases = 0
    for (const section of board.report.sections) {
      const chapter = CHAPTER_OF_TEMPLATE[section.templateId] ?? 'further'
      // Each project's canvas is one group, its fields in the canvas's order.
      const canvas = chapter === 'canvas' ? `${section.template}: ${board.title}${++canvases > 1 ? ` (${canvases})` : ''}` : null
      for (const zone of section.zones) {
        for (const note of zone.notes.filter(mine)) {
          const source: StrategySource = { board: board.title, date: board.createdAt, template: section.template, zone: zone.name }
          const line: StrategyLine = { text: note.text, votes: note.votes, task: note.task, source }
          // Projects are ranked together across quadrants and boards; other chapters go field by field.
          add(chapter, chapter === 'projects' ? t.chapters.projects : chapter === 'further' ? `${section.template}: ${zone.name}` : (canvas ?? zone.name), line)
          if (note.task) add('next', note.task.done ? t.doneSteps : t.openSteps, line)
          for (const thread of note.comments) {
            if (thread.resolved || thread.messages.length === 0) continue
            add('next', t.questions, { text: t.question(note.text, thread.messages[0]!.text), votes: 0, task: null, source })
          }
        }
      }
    }
  }
  const result: StrategyChapter[] = []
  for (const id of CHAPTER_ORDER) {
    const groups = chapters.get(id)
    if (!groups) continue
    const ordered = [...groups].map(([heading, lines]) => ({ heading, lines }))
    if (id === 'projects') {
      for (const group of ordered) {
        group.lines = rankByVotes(group.lines, (a, b) => a.text.localeCompare(b.text, locale)).map(({ rank, item }) => ({ ...item, rank }))
      }
    }
    if (id === 'next') {
      const rank = (heading: string) => ([t.openSteps, t.questions, t.doneSteps] as string[]).indexOf(heading)
      ordered.sort((a, b) => rank(a.heading) - rank(b.heading))
      for (const group of ordered) if (group.heading !== t.questions) group.lines.sort((a, b) => (a.task?.due || '9999').localeCompare(b.task?.due || '9999'))
    }
    result.push({ id, heading: t.chapters[id], groups: ordered })
  }
  const dates = boards.map((board) => board.createdAt)
  return {
    municipality,
    series,
    from: Math.min(...dates, now),
    to: dates.length > 0 ? Math.max(...dates) : now,
    generatedAt: now,
    chapters: result,
  }
}

/** The details after a line's text: votes, next step, where it comes from. */
export function lineDetails(line: StrategyLine, locale: ReportLocale, timeZone: string): string {
  const t = TEXT[locale]
  const parts: string[] = []
  if (line.votes > 0) parts.push(t.votes(line.votes))
  if (line.task?.owner) parts.push(t.owner(line.task.owner))
  if (line.task?.due) parts.push(t.due(formatDueDate(line.task.due, locale)))
  parts.push(t.source(line.source, formatDay(line.source.date, locale, timeZone)))
  return parts.join(' · ')
}

export function headerLines(model: StrategyModel, locale: ReportLocale, timeZone: string): string[] {
  const t = TEXT[locale]
  return [
    ...(model.series ? [t.series(model.series)] : []),
    t.period(formatDay(model.from, locale, timeZone), formatDay(model.to, locale, timeZone)),
    t.asOf(formatDay(model.generatedAt, locale, timeZone)),
  ]
}
