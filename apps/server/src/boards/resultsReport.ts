/**
 * The Ergebnisprotokoll (results report): a board's notes sorted the way its methods sort
 * them, with their votes, as Markdown and as CSV, built on the server from the stored
 * document alone.
 *
 * - When the board has a run-sheet, the day as it ran comes first (Markdown only; the CSV
 *   stays one table of notes): each step with its planned duration, when it began and how
 *   long it took by the server's clock, skipped steps marked.
 * - For each template on the board, in the order they were added: each zone in the template's
 *   order (matrix quadrant, stakeholder sector and ring, canvas field), with the notes whose
 *   centre lies in it, most votes first (equal votes by text). Zones without notes are named
 *   in one line at the end of their template instead of a heading each.
 * - Notes outside every zone close the report, under "Weitere Notizen".
 * - Votes are those of the board's revealed voting rounds: the total, and per round.
 * - Ranks follow the board's one rule (`rankByVotes`: equal votes share a rank, "1, 1, 3"), so
 *   the report, the results panel and the PDF agree.
 * - Dates are in the workshop's time zone, like the file name.
 * - Each note's comment threads follow its table (Markdown) or fill its "Kommentare" column
 *   (CSV), oldest first; resolved threads are marked, or left out when the facilitator asks.
 */
import type * as Y from 'yjs'
import type { TLShape } from '@tldraw/tlschema'
import {
  readBoardRecords,
  readCommentThreads,
  type CommentThread,
  municipalityOf,
  type NoteTask,
  readBoardTitle,
  taskOf,
  readTemplateInstances,
  rankByVotes,
  readFacilitation,
  readVotingRounds,
  richTextToPlain,
  type RunSheetStep,
  type VotingRound,
} from '@dorfplatz/board'
import type { ApiLocale } from '@dorfplatz/protocol'
import { currentTemplateInstances, findZone, getTemplate, instanceTemplateName, isTemplateId, shapePagePoint, shapeToPage } from '@dorfplatz/templates'

export type ReportLocale = ApiLocale

const TEXT = {
  de: {
    heading: 'Ergebnisprotokoll',
    asOf: 'Stand',
    rounds: 'Abstimmungen',
    dots: (dots: number) => `${dots} ${dots === 1 ? 'Punkt' : 'Punkte'}`,
    roundLine: (dots: number, voters: number) => `${dots} ${dots === 1 ? 'Punkt' : 'Punkte'} von ${voters} ${voters === 1 ? 'Person' : 'Personen'}`,
    noResults: 'Keine Punkte vergeben.',
    other: 'Weitere Notizen',
    otherHint: 'Notizen außerhalb der Felder aller Vorlagen.',
    emptyZones: (names: string) => `Ohne Notizen: ${names}.`,
    note: 'Notiz',
    votes: 'Punkte',
    total: 'Punkte gesamt',
    template: 'Vorlage',
    zone: 'Feld',
    rank: 'Rang',
    noRounds: 'Auf diesem Board gab es noch keine ausgewertete Abstimmung.',
    comments: 'Kommentare',
    commentsOn: (note: string) => `Kommentare zu „${note}“`,
    resolved: 'erledigt',
    anonymous: 'Unbekannt',
    day: 'Ablauf',
    step: 'Schritt',
    planned: 'geplant',
    began: 'Beginn',
    took: 'Dauer',
    minutes: (minutes: number) => `${minutes} min`,
    skipped: 'übersprungen',
    running: 'läuft',
    notStarted: 'nicht begonnen',
  },
  en: {
    heading: 'Results report',
    asOf: 'As of',
    rounds: 'Voting rounds',
    dots: (dots: number) => `${dots} ${dots === 1 ? 'dot' : 'dots'}`,
    roundLine: (dots: number, voters: number) => `${dots} ${dots === 1 ? 'dot' : 'dots'} from ${voters} ${voters === 1 ? 'person' : 'people'}`,
    noResults: 'No dots placed.',
    other: 'Other notes',
    otherHint: 'Notes outside the fields of every template.',
    emptyZones: (names: string) => `No notes: ${names}.`,
    note: 'Note',
    votes: 'Dots',
    total: 'Dots in total',
    template: 'Template',
    zone: 'Field',
    rank: 'Rank',
    noRounds: 'This board has had no revealed voting round yet.',
    comments: 'Comments',
    commentsOn: (note: string) => `Comments on “${note}”`,
    resolved: 'resolved',
    anonymous: 'Unknown',
    day: 'The day',
    step: 'Step',
    planned: 'Planned',
    began: 'Began',
    took: 'Took',
    minutes: (minutes: number) => `${minutes} min`,
    skipped: 'skipped',
    running: 'running',
    notStarted: 'not started',
  },
} as const

export interface ReportNote {
  /** The note's rank among the notes it is listed with; equal votes share a rank. */
  rank: number
  shapeId: string
  text: string
  votes: number
  /** Votes per revealed round, in the order of ReportModel.rounds. */
  votesByRound: number[]
  /** The note's comment threads, oldest first. */
  comments: CommentThread[]
  /** The municipality the note belongs to, and the next step it names (see @dorfplatz/board's strategyMeta.ts). */
  municipality: string | null
  task: NoteTask | null
}

export interface ReportZone {
  name: string
  notes: ReportNote[]
}

export interface ReportSection {
  templateId: string
  template: string
  zones: ReportZone[]
}

export interface ReportModel {
  title: string
  generatedAt: number
  /** The run-sheet's steps in their order, with status and times. */
  steps: RunSheetStep[]
  rounds: VotingRound[]
  sections: ReportSection[]
  other: ReportNote[]
}

function isNote(value: unknown): value is TLShape {
  if (typeof value !== 'object' || value === null) return false
  const { typeName, type, x, y, parentId } = value as Record<string, unknown>
  return typeName === 'shape' && type === 'note' && typeof x === 'number' && typeof y === 'number' && typeof parentId === 'string'
}

/** Most votes first, with their ranks; equal votes in the order of their texts. */
function ranked(notes: readonly ReportNote[], locale: ReportLocale): ReportNote[] {
  const byText = (a: ReportNote, b: ReportNote) => a.text.localeCompare(b.text, locale) || (a.shapeId < b.shapeId ? -1 : 1)
  return rankByVotes(notes, byText).map(({ rank, item }) => ({ ...item, rank }))
}

export interface ReportOptions {
  /** Whether resolved comment threads are listed (marked as such); true unless the facilitator leaves them out. */
  includeResolved?: boolean
}

export function buildReport(doc: Y.Doc, locale: ReportLocale, now = Date.now(), options: ReportOptions = {}): ReportModel {
  const records = readBoardRecords(doc)
  const threadsByNote = new Map<string, CommentThread[]>()
  for (const [, thread] of readCommentThreads(doc)) {
    if (thread.resolved && options.includeResolved === false) continue
    threadsByNote.set(thread.noteId, [...(threadsByNote.get(thread.noteId) ?? []), thread])
  }
  const rounds = readVotingRounds(doc).filter((round) => round.status === 'revealed')
  const instances = readTemplateInstances(doc)
  const current = currentTemplateInstances(instances, records)
  const zoneNotes = new Map<string, ReportNote[]>()
  const other: ReportNote[] = []
  for (const [id, value] of records) {
    if (!isNote(value)) continue
    const votesByRound = rounds.map((round) => round.results?.find((result) => result.shapeId === id)?.votes ?? 0)
    const note: ReportNote = {
      rank: 0,
      shapeId: id,
      text: richTextToPlain((value.props as { richText?: unknown }).richText),
      votes: votesByRound.reduce((sum, n) => sum + n, 0),
      votesByRound,
      comments: threadsByNote.get(id) ?? [],
      municipality: municipalityOf(value),
      task: taskOf(value),
    }
    const pageId = shapeToPage(value, { x: 0, y: 0 }, records).pageId
    const found = pageId === null ? undefined : findZone(current, pageId, shapePagePoint(value, records))
    if (!found) {
      other.push(note)
      continue
    }
    const key = `${found.instance.instanceId}/${found.zone.id}`
    zoneNotes.set(key, [...(zoneNotes.get(key) ?? []), note])
  }
  const sections: ReportSection[] = []
  for (const instance of current) {
    // An own template's instance carries its name and zones; a built-in one falls back on the catalogue.
    const name = instanceTemplateName(instance)
    const zones = instance.zones ?? (isTemplateId(instance.templateId) ? getTemplate(instance.templateId).zones : undefined)
    if (!name || !zones) continue
    sections.push({
      templateId: instance.templateId,
      template: name[locale] || name.de,
      zones: zones.map((zone) => ({
        name: zone.name[locale],
        notes: ranked(zoneNotes.get(`${instance.instanceId}/${zone.id}`) ?? [], locale),
      })),
    })
  }
  const steps = readFacilitation(doc).runSheet.steps
  return { title: readBoardTitle(doc), generatedAt: now, steps, rounds, sections, other: ranked(other, locale) }
}

function formatTime(at: number, locale: ReportLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { timeStyle: 'short', timeZone }).format(at)
}

/** The run-sheet as a table: planned minutes, when each step began and how long it took, whole minutes. */
function dayLines(steps: readonly RunSheetStep[], locale: ReportLocale, timeZone: string): string[] {
  if (steps.length === 0) return []
  const t = TEXT[locale]
  const rows = steps.map((step, index) => {
    const began = step.startedAt === undefined ? '' : formatTime(step.startedAt, locale, timeZone)
    let took: string
    if (step.status === 'skipped') took = `_${t.skipped}_`
    else if (step.status === 'current') took = `_${t.running}_`
    else if (step.startedAt === undefined || step.endedAt === undefined) took = `_${t.notStarted}_`
    else took = t.minutes(Math.round((step.endedAt - step.startedAt) / 60_000))
    return `| ${index + 1} | ${markdownText(step.title)} | ${t.minutes(step.durationMinutes)} | ${began} | ${took} |`
  })
  return [`## ${t.day}`, '', `| | ${t.step} | ${t.planned} | ${t.began} | ${t.took} |`, '|---:|---|---:|---:|---:|', ...rows, '']
}

function formatDate(at: number, locale: ReportLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at)
}

/**
 * Text safe inside a Markdown table cell or list item: one line, no table breaks, no emphasis,
 * links, code or HTML (a note's text is shown, never interpreted).
 */
function markdownText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' / ')
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .trim()
}

/** The report as Markdown, its dates in `timeZone` (the workshop's, an IANA name). */
export function reportMarkdown(model: ReportModel, locale: ReportLocale, timeZone: string): string {
  const t = TEXT[locale]
  const lines = [`# ${t.heading}: ${markdownText(model.title)}`, '', `${t.asOf}: ${formatDate(model.generatedAt, locale, timeZone)}`, '']
  const message = (m: CommentThread['messages'][number]) =>
    `${markdownText(m.author?.name ?? '') || t.anonymous} (${formatDate(m.at, locale, timeZone)}): ${markdownText(m.text)}`
  /** Each commented note's threads under the table: a list item per thread, its replies below it. */
  const comments = (notes: ReadonlyArray<Partial<Pick<ReportNote, 'comments'>> & Pick<ReportNote, 'text'>>) =>
    notes.flatMap((note) => {
      if (!note.comments || note.comments.length === 0) return []
      return [
        `**${t.commentsOn(markdownText(note.text) || '–')}**`,
        '',
        ...note.comments.flatMap((thread) => {
          const [first, ...replies] = thread.messages
          return [`- ${thread.resolved ? `_(${t.resolved})_ ` : ''}${message(first!)}`, ...replies.map((reply) => `  - ${message(reply)}`)]
        }),
        '',
      ]
    })
  const table = (notes: ReadonlyArray<Pick<ReportNote, 'rank' | 'text' | 'votes'> & Partial<Pick<ReportNote, 'comments'>>>) => [
    `| ${t.rank} | ${t.note} | ${t.votes} |`,
    '|---:|---|---:|',
    ...notes.map((note) => `| ${note.rank} | ${markdownText(note.text) || '–'} | ${note.votes} |`),
    '',
    ...comments(notes),
  ]
  lines.push(...dayLines(model.steps, locale, timeZone))
  lines.push(`## ${t.rounds}`, '')
  if (model.rounds.length === 0) lines.push(t.noRounds, '')
  for (const round of model.rounds) {
    lines.push(`### ${markdownText(round.title)}`, '')
    lines.push(`${formatDate(round.revealedAt ?? round.openedAt, locale, timeZone)} · ${t.roundLine(round.dotsCast, round.voters)}`, '')
    // Equal votes keep the server's order, as on the board. A table, not a numbered list:
    // Markdown would renumber "1., 1., 3." as 1, 2, 3.
    const results = rankByVotes((round.results ?? []).filter((result) => result.votes > 0))
    if (results.length === 0) lines.push(t.noResults, '')
    else lines.push(...table(results.map(({ rank, item }) => ({ rank, text: item.text, votes: item.votes }))))
  }
  for (const section of model.sections) {
    lines.push(`## ${markdownText(section.template)}`, '')
    const empty: string[] = []
    for (const zone of section.zones) {
      if (zone.notes.length === 0) empty.push(markdownText(zone.name))
      else lines.push(`### ${markdownText(zone.name)}`, '', ...table(zone.notes))
    }
    if (empty.length > 0) lines.push(`_${t.emptyZones(empty.join(', '))}_`, '')
  }
  if (model.other.length > 0) lines.push(`## ${t.other}`, '', t.otherHint, '', ...table(model.other))
  return lines.join('\n')
}

/** A CSV field: quoted, with quotes doubled; formulas are defused, so a note cannot run in a spreadsheet. */
function csvField(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

/**
 * One row per note: template, field, rank in the field, text, total dots, dots per round and its comments.
 * UTF-8 with a byte order mark and semicolons, which LibreOffice and a German Excel both open
 * into columns with the umlauts intact; lines end in CRLF.
 */
export function reportCsv(model: ReportModel, locale: ReportLocale): string {
  const t = TEXT[locale]
  const header = [t.template, t.zone, t.rank, t.note, t.total, ...model.rounds.map((round) => `${t.votes}: ${round.title}`), t.comments]
  const rows: Array<Array<string | number>> = [header]
  // One line per comment, "Name: Text"; a thread's replies indented, a resolved thread marked.
  const commentCell = (threads: CommentThread[]) =>
    threads
      .flatMap((thread) =>
        thread.messages.map(
          (m, index) => `${index === 0 ? (thread.resolved ? `[${t.resolved}] ` : '') : '  ↳ '}${m.author?.name || t.anonymous}: ${m.text.replace(/\s*\n\s*/g, ' ')}`,
        ),
      )
      .join('\n')
  const add = (template: string, zone: string, notes: ReportNote[]) =>
    notes.forEach((note) => rows.push([template, zone, note.rank, note.text, note.votes, ...note.votesByRound, commentCell(note.comments)]))
  for (const section of model.sections) for (const zone of section.zones) add(section.template, zone.name, zone.notes)
  add('', t.other, model.other)
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`
}
