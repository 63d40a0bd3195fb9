/**
 * The Digitalstrategie against the real server: notes of two municipalities on one workshop
 * board, votes from a revealed round, a next step and an open question; the Word document of
 * one municipality (opened as the zip it is, its text read from word/document.xml) and its PDF
 * (read with pdftotext) hold exactly that municipality's notes under the right headings, the
 * projects ranked by their votes, and each line's origin.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getCommentsMap, getRecordsMap, readBoardRecords, readTemplateInstances, readFacilitation, type TemplateInstance } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { instanceZones, placeNoteInZone } from '@dorfplatz/templates'
import { VOTER_HEADER, type CreatedBoard } from '@dorfplatz/protocol'
import type { TLRecord } from '@tldraw/tlschema'
import { connectProvider, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function call(server: TestServer, method: string, url: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/** The text of a downloaded Word document: its paragraphs, one per line. */
function docxParagraphs(bytes: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-docx-'))
  try {
    const file = path.join(dir, 'strategie.docx')
    fs.writeFileSync(file, bytes)
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' })
    return xml
      .split('</w:p>')
      .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
      .map((text) => text.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
      .filter((text) => text !== '')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-pdf-'))
  try {
    const file = path.join(dir, 'strategie.pdf')
    fs.writeFileSync(file, bytes)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Keeps the documents as the README's examples when asked (DORFPLATZ_DOCS_SCREENSHOTS=1), as the end-to-end tests keep their pictures. */
function writeDocsExample(name: string, bytes: Buffer): void {
  if (process.env.DORFPLATZ_DOCS_SCREENSHOTS !== '1') return
  fs.mkdirSync('docs/examples', { recursive: true })
  fs.writeFileSync(path.join('docs/examples', name), bytes)
}

describe('the Digitalstrategie of a municipality', () => {
  it('holds the municipality’s notes only, by chapter, projects ranked by votes, with next steps and open questions', async () => {
    const server = await startTestServer()
    const created = await call(server, 'POST', '/api/boards', '', { title: 'Workshop 1: Bestandsaufnahme', templates: ['stakeholder-map', 'priority-matrix', 'roadmap'] })
    const board = (await created.json()) as CreatedBoard
    const mayor = connectProvider(server, board.id, board.tokens.participant)
    await waitForSync(mayor)
    const instances = readTemplateInstances(mayor.doc)
    const byTemplate = (id: string) => instances.find((instance) => instance.templateId === id) as TemplateInstance
    const taken: Array<{ x: number; y: number; w: number; h: number }> = []
    /** A note of `municipality` in `zoneId` of the template, at a free spot there (page coordinates). */
    const note = (name: string, text: string, templateId: string, zoneId: string, meta: Record<string, unknown>): TLRecord => {
      const instance = byTemplate(templateId)
      const zone = instanceZones(instance).find((candidate) => candidate.id === zoneId)!
      const spot = placeNoteInZone(instance, zone, taken)!
      taken.push({ ...spot, w: 200, h: 200 })
      return { ...testNote(name, text, { x: spot.x, y: spot.y }), parentId: instance.pageId, meta } as TLRecord
    }
    const ours = { municipality: 'VG Musterhausen' }
    const theirs = { municipality: 'VG Nachbarstadt' }
    mayor.doc.transact(() => {
      const records = getRecordsMap(mayor.doc)
      for (const record of [
        note('gemeinderat', 'Gemeinderat und Ortsbürgermeister', 'stakeholder-map', 'politik.direkt', ours),
        note('glasfaser', 'Glasfaser für alle Ortsteile', 'priority-matrix', 'schnelle-erfolge', ours),
        note('dorfapp', 'Dorf-App mit Terminen', 'priority-matrix', 'grosse-vorhaben', ours),
        note('bus', 'Bürgerbus per App', 'priority-matrix', 'schnelle-erfolge', theirs),
        note('wlan', 'WLAN im Bürgerhaus', 'roadmap', 'einwohner.jetzt', { ...ours, task: { owner: 'Bauamt', due: '2027-03-31', done: false } }),
        note('ohne', 'Notiz ohne Gemeinde', 'priority-matrix', 'zeitfresser', {}),
      ]) {
        records.set(record.id, record)
      }
      getCommentsMap(mayor.doc).set('thread_q1', { noteId: 'shape:dorfapp', resolved: false })
      getCommentsMap(mayor.doc).set('comment_q1', { thread: 'q1', text: 'Wer pflegt die Termine?', at: 1 })
    })

    // A voting round: two dots on the Dorf-App, one on Glasfaser.
    const opened = await call(server, 'POST', `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'all' } })
    const roundId = ((await opened.json()) as Json).round.id as string
    await waitForDoc(mayor.doc, (doc) => readFacilitation(doc).activeRound?.id === roundId)
    const key = 'k'.repeat(43)
    for (const shapeId of ['shape:dorfapp', 'shape:dorfapp', 'shape:glasfaser']) {
      const placed = await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/ballot`, board.tokens.participant, { shapeId, delta: 1 }, { [VOTER_HEADER]: key })
      expect(placed.status).toBe(200)
    }
    expect((await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/reveal`, board.tokens.facilitator, {})).status).toBe(200)

    const listed = await call(server, 'GET', `/api/boards/${board.id}/municipalities`, board.tokens.viewer)
    expect(await listed.json()).toEqual({ municipalities: ['VG Musterhausen', 'VG Nachbarstadt'] })

    const word = await call(server, 'GET', `/api/boards/${board.id}/strategy.docx?municipality=${encodeURIComponent('vg  musterhausen')}`, board.tokens.participant)
    expect(word.status).toBe(200)
    expect(word.headers.get('content-type')).toContain('wordprocessingml')
    expect(word.headers.get('content-disposition')).toContain('Digitalstrategie VG Musterhausen')
    const wordBytes = Buffer.from(await word.arrayBuffer())
    writeDocsExample('digitalstrategie-vg-musterhausen.docx', wordBytes)
    const paragraphs = docxParagraphs(wordBytes)
    expect(paragraphs[0]).toBe('Digitalstrategie VG Musterhausen')
    const contents = paragraphs.indexOf('Inhalt')
    expect(paragraphs.slice(contents + 1, contents + 5)).toEqual([
      '1. Akteure und Beteiligte',
      '2. Priorisierte Projekte',
      '3. Fahrplan',
      '4. Offene Fragen und nächste Schritte',
    ])
    const text = paragraphs.join('\n')
    // Ranked by votes: the Dorf-App (2 dots) before Glasfaser (1); the neighbours' and untagged notes are not there.
    expect(text.indexOf('Dorf-App mit Terminen')).toBeLessThan(text.indexOf('Glasfaser für alle Ortsteile'))
    expect(text).not.toContain('Bürgerbus per App')
    expect(text).not.toContain('Notiz ohne Gemeinde')
    expect(text).toContain('Gemeinderat und Ortsbürgermeister')
    expect(text).toMatch(/WLAN im Bürgerhaus \(zuständig: Bauamt · bis 31\.03\.2027 · Workshop 1: Bestandsaufnahme, .*; Fahrplan Digitalstrategie, Feld „/)
    expect(text).toContain('Nächste Schritte: offen')
    expect(text).toContain('Zu „Dorf-App mit Terminen“: Wer pflegt die Termine?')

    const pdf = await call(server, 'GET', `/api/boards/${board.id}/strategy.pdf?municipality=VG%20Musterhausen`, board.tokens.viewer)
    expect(pdf.status).toBe(200)
    const pdfBytes = Buffer.from(await pdf.arrayBuffer())
    writeDocsExample('digitalstrategie-vg-musterhausen.pdf', pdfBytes)
    const read = pdfText(pdfBytes)
    expect(read).toContain('Digitalstrategie VG Musterhausen')
    expect(read).toContain('1. Dorf-App mit Terminen')
    expect(read).toContain('2. Glasfaser für alle Ortsteile')
    expect(read).not.toContain('Bürgerbus')

    // A municipality with no notes gets a document that says so; a missing name is refused.
    const empty = docxParagraphs(Buffer.from(await (await call(server, 'GET', `/api/boards/${board.id}/strategy.docx?municipality=Irgendwo`, board.tokens.participant)).arrayBuffer()))
    expect(empty).toContain('In den Workshops wurden noch keine Notizen „Irgendwo“ zugeordnet.')
    expect((await call(server, 'GET', `/api/boards/${board.id}/strategy.docx`, board.tokens.participant)).status).toBe(400)
    expect((await call(server, 'GET', `/api/boards/${board.id}/strategy.docx?municipality=%20`, board.tokens.participant)).status).toBe(400)
    expect((await call(server, 'GET', `/api/boards/${board.id}/strategy.docx?municipality=x`, 'nope')).status).toBe(401)
  })
})

describe('the strategy across a series', () => {
  it('is built from every board of the series, and a later board lists the steps that fell due since', async () => {
    const server = await startTestServer()
    const make = async (title: string, templates: string[]) => (await (await call(server, 'POST', '/api/boards', '', { title, templates })).json()) as CreatedBoard
    const first = await make('Workshop 1: Bestandsaufnahme', ['roadmap'])
    const second = await make('Workshop 2: Projekte', ['priority-matrix'])
    expect((await call(server, 'PUT', `/api/boards/${first.id}/series`, first.tokens.facilitator, { name: 'Digitale Kommune 2027' })).status).toBe(200)
    expect((await call(server, 'PUT', `/api/boards/${second.id}/series`, second.tokens.facilitator, { joinBoardId: first.id, joinToken: first.tokens.facilitator })).status).toBe(200)

    const writer = connectProvider(server, first.id, first.tokens.participant)
    await waitForSync(writer)
    const roadmap = readTemplateInstances(writer.doc)[0]!
    const zone = instanceZones(roadmap)[0]!
    const taken: Array<{ x: number; y: number; w: number; h: number }> = []
    const step = (name: string, text: string, task: Record<string, unknown>) => {
      const spot = placeNoteInZone(roadmap, zone, taken)!
      taken.push({ ...spot, w: 200, h: 200 })
      getRecordsMap(writer.doc).set(`shape:${name}`, { ...testNote(name, text, spot), parentId: roadmap.pageId, meta: { municipality: 'VG Musterhausen', task } } as unknown as TLRecord)
    }
    step('past', 'Breitbandantrag stellen', { owner: 'Bauamt', due: '2026-01-15', done: true })
    step('open', 'Förderberatung einholen', { owner: 'Kämmerei', due: '2026-02-01', done: false })
    step('later', 'WLAN-Hotspots planen', { owner: 'Bauamt', due: '2099-01-01', done: false })
    await waitForDoc(writer.doc, (doc) => readBoardRecords(doc).size > 0)
    const later = connectProvider(server, first.id, first.tokens.viewer)
    await waitForDoc(later.doc, (doc) => readBoardRecords(doc).has('shape:later'))

    // The second workshop looks back on what fell due: past dates only, done or not, earliest first.
    const due = (await (await call(server, 'GET', `/api/boards/${second.id}/due-steps`, second.tokens.participant)).json()) as Json
    expect(due.steps.map((entry: Json) => [entry.text, entry.owner, entry.due, entry.done, entry.board])).toEqual([
      ['Breitbandantrag stellen', 'Bauamt', '2026-01-15', true, 'Workshop 1: Bestandsaufnahme'],
      ['Förderberatung einholen', 'Kämmerei', '2026-02-01', false, 'Workshop 1: Bestandsaufnahme'],
    ])
    // The first workshop has nothing before it.
    expect(await (await call(server, 'GET', `/api/boards/${first.id}/due-steps`, first.tokens.participant)).json()).toEqual({ steps: [] })

    // Downloaded from the second board, the strategy holds the first board's notes and names the series.
    const word = await call(server, 'GET', `/api/boards/${second.id}/strategy.docx?municipality=VG%20Musterhausen`, second.tokens.participant)
    const text = docxParagraphs(Buffer.from(await word.arrayBuffer())).join('\n')
    expect(text).toContain('Aus der Reihe „Digitale Kommune 2027“')
    expect(text).toContain('Förderberatung einholen')
    expect(text).toContain('Nächste Schritte: erledigt')
  })
})
