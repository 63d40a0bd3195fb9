/**
 * The Ergebnisprotokoll (results report): a board's notes sorted the way its methods sort
 * them, with their votes, as Markdown and as CSV, built on the server from the stored
 * document alone.
 *
 * - For each template on the board, in the order they were added: each zone in the template's
 *   order (matrix quadrant, stakeholder sector and ring, canvas field), with the notes whose
 *   centre lies in it, most votes first (equal votes by text).
 * - Notes outside every zone close the report, under "Weitere Notizen".
 * - Votes are those of the board's revealed voting rounds: the total, and per round.
 */
import type * as Y from 'yjs'
import type { TLShape } from '@tldraw/tlschema'
import {
  readBoardRecords,
  readBoardTitle,
  readTemplateInstances,
  readVotingRounds,
  richTextToPlain,
  type VotingRound,
} from '@dorfplatz/board'
import type { ApiLocale } from '@dorfplatz/protocol'
import { currentTemplateInstances, findZone, getTemplate, isTemplateId, shapePagePoint, shapeToPage } from '@dorfplatz/templates'

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
    none: 'Keine Notizen.',
    note: 'Notiz',
    votes: 'Punkte',
    total: 'Punkte gesamt',
    template: 'Vorlage',
    zone: 'Feld',
    rank: 'Rang',
    noRounds: 'Auf diesem Board gab es noch keine ausgewertete Abstimmung.',
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
    none: 'No notes.',
    note: 'Note',
    votes: 'Dots',
    total: 'Dots in total',
    template: 'Template',
    zone: 'Field',
    rank: 'Rank',
    noRounds: 'This board has had no revealed voting round yet.',
  },
} as const

export interface ReportNote {
  shapeId: string
  text: string
  votes: number
  /** Votes per revealed round, in the order of ReportModel.rounds. */
  votesByRound: number[]
}

export interface ReportZone {
  name: string
  notes: ReportNote[]
}

export interface ReportSection {
  template: string
  zones: ReportZone[]
}

export interface ReportModel {
  title: string
  generatedAt: number
  rounds: VotingRound[]
  sections: ReportSection[]
  other: ReportNote[]
}

function isNote(value: unknown): value is TLShape {
  if (typeof value !== 'object' || value === null) return false
  const { typeName, type, x, y, parentId } = value as Record<string, unknown>
  return typeName === 'shape' && type === 'note' && typeof x === 'number' && typeof y === 'number' && typeof parentId === 'string'
}

const byVotesThenText = (locale: ReportLocale) => (a: ReportNote, b: ReportNote) =>
  b.votes - a.votes || a.text.localeCompare(b.text, locale) || (a.shapeId < b.shapeId ? -1 : 1)

export function buildReport(doc: Y.Doc, locale: ReportLocale, now = Date.now()): ReportModel {
  const records = readBoardRecords(doc)
  const rounds = readVotingRounds(doc).filter((round) => round.status === 'revealed')
  const instances = readTemplateInstances(doc)
  const current = currentTemplateInstances(instances, records)
  const zoneNotes = new Map<string, ReportNote[]>()
  const other: ReportNote[] = []
  for (const [id, value] of records) {
    if (!isNote(value)) continue
    const votesByRound = rounds.map((round) => round.results?.find((result) => result.shapeId === id)?.votes ?? 0)
    const note: ReportNote = {
      shapeId: id,
      text: richTextToPlain((value.props as { richText?: unknown }).richText),
      votes: votesByRound.reduce((sum, n) => sum + n, 0),
      votesByRound,
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
  const rank = byVotesThenText(locale)
  const sections: ReportSection[] = []
  for (const instance of current) {
    if (!isTemplateId(instance.templateId)) continue
    const template = getTemplate(instance.templateId)
    const zones = instance.zones ?? template.zones
    sections.push({
      template: template.name[locale],
      zones: zones.map((zone) => ({
        name: zone.name[locale],
        notes: (zoneNotes.get(`${instance.instanceId}/${zone.id}`) ?? []).sort(rank),
      })),
    })
  }
  return { title: readBoardTitle(doc), generatedAt: now, rounds, sections, other: other.sort(rank) }
}

function formatDate(at: number, locale: ReportLocale): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(at)
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

export function reportMarkdown(model: ReportModel, locale: ReportLocale): string {
  const t = TEXT[locale]
  const lines = [`# ${t.heading}: ${markdownText(model.title)}`, '', `${t.asOf}: ${formatDate(model.generatedAt, locale)}`, '']
  lines.push(`## ${t.rounds}`, '')
  if (model.rounds.length === 0) lines.push(t.noRounds, '')
  for (const round of model.rounds) {
    lines.push(`### ${markdownText(round.title)}`, '')
    lines.push(`${formatDate(round.revealedAt ?? round.openedAt, locale)} · ${t.roundLine(round.dotsCast, round.voters)}`, '')
    const results = round.results ?? []
    if (results.length === 0) lines.push(t.noResults)
    results.forEach((result, index) => lines.push(`${index + 1}. ${markdownText(result.text) || '–'} (${t.dots(result.votes)})`))
    lines.push('')
  }
  const table = (notes: ReportNote[]) => {
    if (notes.length === 0) return [`_${t.none}_`, '']
    return [
      `| ${t.rank} | ${t.note} | ${t.votes} |`,
      '|---:|---|---:|',
      ...notes.map((note, index) => `| ${index + 1} | ${markdownText(note.text) || '–'} | ${note.votes} |`),
      '',
    ]
  }
  for (const section of model.sections) {
    lines.push(`## ${markdownText(section.template)}`, '')
    for (const zone of section.zones) lines.push(`### ${markdownText(zone.name)}`, '', ...table(zone.notes))
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
 * One row per note: template, field, rank in the field, text, total dots and dots per round.
 * UTF-8 with a byte order mark and semicolons, which LibreOffice and a German Excel both open
 * into columns with the umlauts intact; lines end in CRLF.
 */
export function reportCsv(model: ReportModel, locale: ReportLocale): string {
  const t = TEXT[locale]
  const header = [t.template, t.zone, t.rank, t.note, t.total, ...model.rounds.map((round) => `${t.votes}: ${round.title}`)]
  const rows: Array<Array<string | number>> = [header]
  const add = (template: string, zone: string, notes: ReportNote[]) =>
    notes.forEach((note, index) => rows.push([template, zone, index + 1, note.text, note.votes, ...note.votesByRound]))
  for (const section of model.sections) for (const zone of section.zones) add(section.template, zone.name, zone.notes)
  add('', t.other, model.other)
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`
}
