import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getCommentsMap, getRecordsMap } from '@dorfplatz/board'
import { testNote, writeTestComment } from '@dorfplatz/board/testing'
import { buildReport, reportCsv, reportMarkdown } from './resultsReport.ts'

/** 10:00 in Berlin on 6 December 2026. */
const MORNING = Date.UTC(2026, 11, 6, 9, 0)
const anna = { name: 'Anna Weber', color: '#2f6db5', role: 'participant' } as const
const bernd = { name: 'Bernd Klein', color: '#b52f4a', role: 'facilitator' } as const

function commentedBoard(): Y.Doc {
  const doc = new Y.Doc()
  getRecordsMap(doc).set('shape:a', testNote('a', 'Dorfladen'))
  getRecordsMap(doc).set('shape:b', testNote('b', 'Bürgerbus'))
  writeTestComment(doc, { noteId: 'shape:a', thread: 't1', id: 'm1', text: 'Wer betreibt den *Laden*?', at: MORNING, author: anna })
  writeTestComment(doc, { thread: 't1', id: 'm2', text: 'Eine Genossenschaft.', at: MORNING + 60_000, author: bernd })
  writeTestComment(doc, { noteId: 'shape:a', resolved: true, thread: 't2', id: 'm3', text: 'Öffnungszeiten klären', at: MORNING + 120_000, author: bernd })
  // Junk in an old or damaged document is left out, not reported.
  getCommentsMap(doc).set('thread_t3', { noteId: 'shape:b', resolved: 'kaputt' })
  getCommentsMap(doc).set('comment_m4', { thread: 't3', text: 'kaputt', at: 'gestern' })
  return doc
}

describe('results report: comments', () => {
  it('lists each note’s threads under it in Markdown, replies indented, resolved ones marked', () => {
    const md = reportMarkdown(buildReport(commentedBoard(), 'de', MORNING), 'de', 'Europe/Berlin')
    expect(md).toContain(
      [
        '**Kommentare zu „Dorfladen“**',
        '',
        '- Anna Weber (06.12.2026, 10:00): Wer betreibt den \\*Laden\\*?',
        '  - Bernd Klein (06.12.2026, 10:01): Eine Genossenschaft.',
        '- _(erledigt)_ Bernd Klein (06.12.2026, 10:02): Öffnungszeiten klären',
      ].join('\n'),
    )
    expect(md).not.toContain('Kommentare zu „Bürgerbus“')
    expect(md).not.toContain('kaputt')
  })

  it('leaves resolved threads out when asked', () => {
    const md = reportMarkdown(buildReport(commentedBoard(), 'en', MORNING, { includeResolved: false }), 'en', 'Europe/Berlin')
    expect(md).toContain('**Comments on “Dorfladen”**')
    expect(md).toContain('Eine Genossenschaft.')
    expect(md).not.toContain('Öffnungszeiten')
  })

  it('gives the CSV a comments column, one line per comment', () => {
    const csv = reportCsv(buildReport(commentedBoard(), 'de', MORNING), 'de')
    const [header, ...rows] = csv.replace('\uFEFF', '').split('\r\n')
    expect(header).toBe('"Vorlage";"Feld";"Rang";"Notiz";"Punkte gesamt";"Kommentare"')
    expect(rows).toContain(
      '"";"Weitere Notizen";"1";"Dorfladen";"0";"Anna Weber: Wer betreibt den *Laden*?\n  ↳ Bernd Klein: Eine Genossenschaft.\n[erledigt] Bernd Klein: Öffnungszeiten klären"',
    )
    expect(rows).toContain('"";"Weitere Notizen";"1";"Bürgerbus";"0";""')
  })
})
