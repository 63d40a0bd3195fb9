/**
 * The board's history (Verlauf) over HTTP, against a real server with real sockets: what is
 * recorded for each kind of change and under whose name, who may read it, and bringing deleted
 * notes back without touching anything else.
 */
import { describe, expect, it } from 'vitest'
import { getAuthorsMap, getRecordsMap, readBoardRecords, readTemplateInstances } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import type { CreatedBoard, HistoryAnswer, HistoryEntryInfo } from '@dorfplatz/protocol'
import { getTemplate, zoneCentre } from '@dorfplatz/templates'
import { connectProvider, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'

async function call(server: TestServer, method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, text, json }
}

/** A socket that shows `name` in its presence, as a browser does, before it writes anything. */
async function person(server: TestServer, boardId: string, token: string, name: string, color: string) {
  const provider = connectProvider(server, boardId, token)
  provider.awareness.setLocalStateField('user', { id: `u-${name}`, name, color })
  await waitForSync(provider)
  return provider
}

async function boardWithMatrix(server: TestServer) {
  const created = await call(server, 'POST', '/api/boards', { body: { title: 'Digitalstrategie', templates: ['priority-matrix'] } })
  const board = created.json as CreatedBoard
  const anna = await person(server, board.id, board.tokens.participant, 'Anna Weber', '#2f6db5')
  const instance = readTemplateInstances(anna.doc)[0]!
  const zone = (id: string) => getTemplate('priority-matrix').zones.find((candidate) => candidate.id === id)!
  const at = (zoneId: string, dx = 0) => {
    const centre = zoneCentre(zone(zoneId).area)
    return { x: instance.x + centre.x - 100 + dx, y: instance.y + centre.y - 100 }
  }
  return { board, anna, instance, at }
}

async function history(server: TestServer, boardId: string, token: string): Promise<HistoryAnswer> {
  const answer = await call(server, 'GET', `/api/boards/${boardId}/history`, { token })
  expect(answer.status).toBe(200)
  return answer.json as HistoryAnswer
}

const by = (answer: HistoryAnswer, name: string): HistoryEntryInfo[] => answer.entries.filter((entry) => entry.actor?.name === name)

/** A person's entries as one, oldest first: a test may run across the turn of a minute, which splits them. */
function combined(entries: readonly HistoryEntryInfo[]): HistoryEntryInfo {
  const [first, ...rest] = [...entries].reverse()
  if (!first) throw new Error('no entries')
  const all = { ...first, changes: structuredClone(first.changes), restorable: [...first.restorable] }
  for (const entry of rest) {
    for (const kind of ['added', 'edited', 'moved', 'deleted', 'restored'] as const) {
      ;(all.changes[kind] as unknown[]).push(...entry.changes[kind])
      all.changes.counts[kind] += entry.changes.counts[kind]
    }
    all.restorable.push(...entry.restorable)
  }
  return all
}

describe('board history', () => {
  it('records who added, edited, moved into another zone and deleted which notes, under the name their socket showed', async () => {
    const server = await startTestServer()
    const { board, anna, instance, at } = await boardWithMatrix(server)
    const bernd = await person(server, board.id, board.tokens.participant, 'Bernd Klein', '#b52f4a')
    const berndsRecords = getRecordsMap(bernd.doc)
    berndsRecords.set('shape:a', testNote('a', 'Glasfaser', at('schnelle-erfolge')))
    berndsRecords.set('shape:b', testNote('b', 'Dorf-App', at('schnelle-erfolge', 220)))
    berndsRecords.set('shape:c', testNote('c', 'Bürgerbus am Samstag', at('zeitfresser')))
    await waitForDoc(anna.doc, (doc) => readBoardRecords(doc).has('shape:c'))
    const records = getRecordsMap(anna.doc)
    records.set('shape:a', testNote('a', 'Glasfaser bis 2028', at('schnelle-erfolge')))
    // Moving within its zone is no history; into another zone it is.
    records.set('shape:b', testNote('b', 'Dorf-App', at('schnelle-erfolge', 240)))
    records.set('shape:c', testNote('c', 'Bürgerbus am Samstag', at('schnelle-erfolge', -220)))
    records.delete('shape:b')
    const facilitator = board.tokens.facilitator
    const witness = await person(server, board.id, board.tokens.viewer, 'Presse', '#000000')
    await waitForDoc(witness.doc, (doc) => !readBoardRecords(doc).has('shape:b') && readBoardRecords(doc).has('shape:c'))

    const answer = await history(server, board.id, facilitator)
    expect(answer.names).toBe(true)
    const added = combined(by(answer, 'Bernd Klein'))
    expect(added.changes.counts).toEqual({ added: 3, edited: 0, moved: 0, deleted: 0, restored: 0 })
    expect(added.changes.added.map((item) => [item.shapeId, item.text])).toEqual([
      ['shape:a', 'Glasfaser'],
      ['shape:b', 'Dorf-App'],
      ['shape:c', 'Bürgerbus am Samstag'],
    ])
    const entry = combined(by(answer, 'Anna Weber'))
    expect(entry.actor).toEqual({ name: 'Anna Weber', color: '#2f6db5', role: 'participant' })
    expect(entry.changes.counts).toEqual({ added: 0, edited: 1, moved: 1, deleted: 1, restored: 0 })
    const quickWins = { instanceId: instance.instanceId, templateId: 'priority-matrix', zoneId: 'schnelle-erfolge' }
    expect(entry.changes.edited).toEqual([{ shapeId: 'shape:a', kind: 'note', text: 'Glasfaser bis 2028', zone: quickWins }])
    expect(entry.changes.moved).toEqual([
      { shapeId: 'shape:c', kind: 'note', text: 'Bürgerbus am Samstag', zone: quickWins, from: { ...quickWins, zoneId: 'zeitfresser' } },
    ])
    expect(entry.changes.deleted).toEqual([{ shapeId: 'shape:b', kind: 'note', text: 'Dorf-App', zone: quickWins }])
    expect(entry.restorable).toEqual(['shape:b'])
    // The template the server placed is nobody's writing.
    expect(answer.entries.every((other) => other.actor !== null && other.actor.name !== '')).toBe(true)
  })

  it('brings back exactly the deleted note asked for, with its author, as a change everyone gets, and nothing else', async () => {
    const server = await startTestServer()
    const { board, anna, at } = await boardWithMatrix(server)
    const facilitator = board.tokens.facilitator
    const bernd = await person(server, board.id, board.tokens.participant, 'Bernd Klein', '#b52f4a')
    const annas = getRecordsMap(anna.doc)
    annas.set('shape:a', testNote('a', 'Glasfaser', at('schnelle-erfolge')))
    annas.set('shape:b', testNote('b', 'Dorf-App', at('schnelle-erfolge', 220)))
    await waitForDoc(bernd.doc, (doc) => readBoardRecords(doc).has('shape:b'))
    const original = readBoardRecords(bernd.doc).get('shape:a')
    const originalAuthors = getAuthorsMap(bernd.doc).get('shape:a')
    // Bernd deletes both by mistake; Anna goes on writing.
    getRecordsMap(bernd.doc).delete('shape:a')
    getRecordsMap(bernd.doc).delete('shape:b')
    await waitForDoc(anna.doc, (doc) => readBoardRecords(doc).size > 0 && !readBoardRecords(doc).has('shape:b'))
    annas.set('shape:n', testNote('n', 'Danach', at('zeitfresser')))
    await waitForDoc(bernd.doc, (doc) => readBoardRecords(doc).has('shape:n'))
    const before = readBoardRecords(anna.doc)

    const deletions = by(await history(server, board.id, facilitator), 'Bernd Klein')
    expect(combined(deletions).changes.counts.deleted).toBe(2)
    expect(combined(deletions).restorable.sort()).toEqual(['shape:a', 'shape:b'])
    const entryOf = (shapeId: string) => deletions.find((entry) => entry.restorable.includes(shapeId))!.id
    const restored = await call(server, 'POST', `/api/boards/${board.id}/history/restore`, { token: facilitator, body: { entryId: entryOf('shape:a'), shapeId: 'shape:a' } })
    expect(restored.status).toBe(200)
    expect(restored.json).toEqual({ restored: ['shape:a'] })
    await waitForDoc(anna.doc, (doc) => readBoardRecords(doc).has('shape:a'))
    const after = readBoardRecords(anna.doc)
    expect(after.get('shape:a')).toEqual(original)
    expect(getAuthorsMap(anna.doc).get('shape:a')).toEqual(originalAuthors)
    expect(after.has('shape:b')).toBe(false)
    // Everything else is as it was.
    expect(new Map([...after].filter(([id]) => id !== 'shape:a'))).toEqual(before)

    // Once back, it cannot come back twice; the rest of the entry can, and the restore is history too.
    expect((await call(server, 'POST', `/api/boards/${board.id}/history/restore`, { token: facilitator, body: { entryId: entryOf('shape:a'), shapeId: 'shape:a' } })).status).toBe(409)
    expect((await call(server, 'POST', `/api/boards/${board.id}/history/restore`, { token: facilitator, body: { entryId: entryOf('shape:b') } })).json).toEqual({ restored: ['shape:b'] })
    await waitForDoc(bernd.doc, (doc) => readBoardRecords(doc).has('shape:b'))
    const latest = await history(server, board.id, facilitator)
    expect(latest.entries[0]!.actor).toEqual({ name: '', color: '', role: 'facilitator' })
    expect(latest.entries[0]!.changes.counts.restored).toBeGreaterThanOrEqual(1)
    expect(combined(by(latest, 'Bernd Klein')).restorable).toEqual([])
  })

  it('puts a note whose frame is gone since back onto the page, where it was', async () => {
    const server = await startTestServer()
    const { board, anna, instance } = await boardWithMatrix(server)
    const facilitator = await person(server, board.id, board.tokens.facilitator, 'Moderation', '#000000')
    const frame = readBoardRecords(anna.doc).get(instance.frameId) as { x: number; y: number; parentId: string }
    // A note inside the template's frame, at a position relative to it.
    getRecordsMap(anna.doc).set('shape:inside', { ...testNote('inside', 'Im Rahmen', { x: 300, y: 400 }), parentId: instance.frameId } as ReturnType<typeof testNote>)
    await waitForDoc(facilitator.doc, (doc) => readBoardRecords(doc).has('shape:inside'))
    getRecordsMap(anna.doc).delete('shape:inside')
    await waitForDoc(facilitator.doc, (doc) => !readBoardRecords(doc).has('shape:inside'))
    getRecordsMap(facilitator.doc).delete(instance.frameId)
    await waitForDoc(anna.doc, (doc) => !readBoardRecords(doc).has(instance.frameId))

    const entry = combined(by(await history(server, board.id, board.tokens.facilitator), 'Anna Weber'))
    const entryId = (await history(server, board.id, board.tokens.facilitator)).entries.find((candidate) => candidate.restorable.includes('shape:inside'))!.id
    expect(entry.changes.counts.deleted).toBe(1)
    const restored = await call(server, 'POST', `/api/boards/${board.id}/history/restore`, { token: board.tokens.facilitator, body: { entryId, shapeId: 'shape:inside' } })
    expect(restored.json).toEqual({ restored: ['shape:inside'] })
    await waitForDoc(anna.doc, (doc) => readBoardRecords(doc).has('shape:inside'))
    const note = readBoardRecords(anna.doc).get('shape:inside') as { x: number; y: number; parentId: string }
    expect(note.parentId).toBe(frame.parentId)
    expect([note.x, note.y]).toEqual([frame.x + 300, frame.y + 400])
  })

  it('shows participants the history only when shared, and never the names; only facilitators restore', async () => {
    const server = await startTestServer()
    const { board, anna, at } = await boardWithMatrix(server)
    getRecordsMap(anna.doc).set('shape:a', testNote('a', 'Glasfaser', at('schnelle-erfolge')))
    getRecordsMap(anna.doc).delete('shape:a')
    const witness = await person(server, board.id, board.tokens.viewer, 'Presse', '#000000')
    await waitForDoc(witness.doc, (doc) => readBoardRecords(doc).size > 0)
    const participant = board.tokens.participant
    const facilitator = board.tokens.facilitator

    expect((await call(server, 'GET', `/api/boards/${board.id}/history`, { token: participant })).status).toBe(403)
    expect((await call(server, 'GET', `/api/boards/${board.id}/history`, { token: board.tokens.viewer })).status).toBe(403)
    expect((await call(server, 'PUT', `/api/boards/${board.id}/history/sharing`, { token: participant, body: { shared: true } })).status).toBe(403)
    expect((await call(server, 'PUT', `/api/boards/${board.id}/history/sharing`, { token: facilitator, body: { shared: true } })).status).toBe(200)

    const shared = await history(server, board.id, participant)
    expect(shared.names).toBe(false)
    expect(shared.entries.length).toBeGreaterThan(0)
    expect(shared.entries.every((entry) => entry.actor === null && entry.restorable.length === 0)).toBe(true)
    expect(JSON.stringify(shared)).not.toContain('Anna')
    const entryId = (await history(server, board.id, facilitator)).entries.find((entry) => entry.changes.counts.deleted > 0)!.id
    expect((await call(server, 'POST', `/api/boards/${board.id}/history/restore`, { token: participant, body: { entryId } })).status).toBe(403)

    await call(server, 'PUT', `/api/boards/${board.id}/history/sharing`, { token: facilitator, body: { shared: false } })
    expect((await call(server, 'GET', `/api/boards/${board.id}/history`, { token: participant })).status).toBe(403)
  })

  it('refuses malformed and unknown restore requests with a clear error and changes nothing', async () => {
    const server = await startTestServer()
    const { board } = await boardWithMatrix(server)
    const token = board.tokens.facilitator
    const path = `/api/boards/${board.id}/history/restore`
    for (const body of [{}, { entryId: 'x' }, { entryId: '1', shapeId: 'page:page' }, { entryId: '1', extra: true }, { entryId: 1 }]) {
      const answer = await call(server, 'POST', path, { token, body })
      expect(answer.status).toBe(400)
      expect(answer.text).not.toMatch(/at \/|node_modules|stack/i)
    }
    const unknown = await call(server, 'POST', path, { token, body: { entryId: '999999' } })
    expect(unknown.status).toBe(404)
    expect((await call(server, 'POST', path, { body: { entryId: '1' } })).status).toBe(401)
  })
})
