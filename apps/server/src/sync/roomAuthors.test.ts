import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AUTHORS_KEY, getAuthorsMap, getRecordsMap, readRecordAuthors } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { CloseCode } from '@dorfplatz/protocol'
import { awarenessMessage, openTestRoom, type TestClient, type TestRoom } from './testing/roomHarness.ts'

let open: TestRoom | undefined
afterEach(async () => {
  await open?.close()
  open = undefined
})

const NOTE = 'shape:a'
const writeNote = (text: string, options: { meta?: Record<string, string>; x?: number } = {}) => (doc: Y.Doc) =>
  getRecordsMap(doc).set(NOTE, { ...testNote('a', text, { x: options.x }), meta: options.meta ?? {} })

let nextClientId = 100
/** Joins with the name and colour the web app shows in presence; the role in it is the client's claim only. */
async function joinAs(test: TestRoom, role: 'facilitator' | 'participant' | 'viewer', name: string, color: string, claimedRole = role): Promise<TestClient> {
  const client = await test.join(role)
  client.send(awarenessMessage(nextClientId++, { user: { id: `u-${name}`, name, color, role: claimedRole } }))
  await test.settle()
  return client
}

describe('Room: who wrote what', () => {
  it('records the creator by name, colour and the role of their link, and the one who changed it last', async () => {
    const test = (open = await openTestRoom())
    const weber = await joinAs(test, 'participant', 'Bürgermeisterin Weber', '#2f6db5')
    const klein = await joinAs(test, 'facilitator', 'Herr Klein', '#b52f4a')
    const before = Date.now()
    weber.sendChange(writeNote('Glasfaser für alle'))
    await test.settle()
    const created = readRecordAuthors(test.room.doc, NOTE)
    expect(created).toMatchObject({
      createdBy: { name: 'Bürgermeisterin Weber', color: '#2f6db5', role: 'participant' },
      changedBy: { name: 'Bürgermeisterin Weber', color: '#2f6db5', role: 'participant' },
    })
    expect(created!.changedAt).toBeGreaterThanOrEqual(before)
    // Every client gets the entry, the writer too.
    expect(readRecordAuthors(weber.doc, NOTE)).toEqual(created)
    expect(readRecordAuthors(klein.doc, NOTE)).toEqual(created)

    klein.sendChange(writeNote('Glasfaser für alle Ortsteile'))
    await test.settle()
    expect(readRecordAuthors(weber.doc, NOTE)).toMatchObject({
      createdBy: { name: 'Bürgermeisterin Weber', role: 'participant' },
      changedBy: { name: 'Herr Klein', color: '#b52f4a', role: 'facilitator' },
    })
  })

  it('takes the role from the link, not from what the presence claims', async () => {
    const test = (open = await openTestRoom())
    const anna = await joinAs(test, 'participant', 'Anna', '#2f6db5', 'facilitator')
    anna.sendChange(writeNote('Dorfladen'))
    await test.settle()
    expect(readRecordAuthors(test.room.doc, NOTE)?.createdBy?.role).toBe('participant')
  })

  it('ignores a name claimed in the record itself', async () => {
    const test = (open = await openTestRoom())
    const anna = await joinAs(test, 'participant', 'Anna', '#2f6db5')
    anna.sendChange(writeNote('Dorfladen', { meta: { author: 'Bürgermeisterin Weber', createdBy: 'Bürgermeisterin Weber' } }))
    await test.settle()
    expect(readRecordAuthors(test.room.doc, NOTE)).toMatchObject({ createdBy: { name: 'Anna' }, changedBy: { name: 'Anna' } })
  })

  it('refuses a client that writes into the authors root (4403) and applies nothing of it', async () => {
    for (const role of ['participant', 'facilitator'] as const) {
      const test = (open = await openTestRoom())
      const anna = await joinAs(test, 'participant', 'Anna', '#2f6db5')
      anna.sendChange(writeNote('Dorfladen'))
      await test.settle()
      const honest = readRecordAuthors(test.room.doc, NOTE)
      const forger = await joinAs(test, role, 'Fälscher', '#000000')
      forger.sendChange((doc) => {
        getRecordsMap(doc).set('shape:b', testNote('b', 'Mein Zettel'))
        getAuthorsMap(doc).set(NOTE, { createdBy: { name: 'Fälscher', color: '#000000', role: 'facilitator' }, changedBy: { name: 'Fälscher', color: '#000000', role: 'facilitator' }, changedAt: 1 })
      })
      expect((await forger.socket.closed).code).toBe(CloseCode.FORBIDDEN)
      await test.settle()
      expect(readRecordAuthors(test.room.doc, NOTE)).toEqual(honest)
      expect(getRecordsMap(anna.doc).get('shape:b')).toBeUndefined()
      expect(test.room.doc.getMap(AUTHORS_KEY).has('shape:b')).toBe(false)
      await test.close()
      open = undefined
    }
  })

  it('refuses a viewer’s changes, so a viewer is never an author', async () => {
    const test = (open = await openTestRoom())
    const anna = await joinAs(test, 'participant', 'Anna', '#2f6db5')
    anna.sendChange(writeNote('Dorfladen'))
    await test.settle()
    const viewer = await joinAs(test, 'viewer', 'Presse', '#123456')
    viewer.sendChange(writeNote('Umgeschrieben'))
    expect((await viewer.socket.closed).code).toBe(CloseCode.FORBIDDEN)
    await test.settle()
    expect(readRecordAuthors(test.room.doc, NOTE)?.changedBy.name).toBe('Anna')
  })

  it('drops the entry of a deleted record', async () => {
    const test = (open = await openTestRoom())
    const anna = await joinAs(test, 'participant', 'Anna', '#2f6db5')
    // Anna keeps her own change, as a browser does, so that she can delete the note.
    Y.applyUpdate(anna.doc, anna.sendChange(writeNote('Dorfladen')))
    await test.settle()
    expect(readRecordAuthors(anna.doc, NOTE)).not.toBeNull()
    anna.sendChange((doc) => getRecordsMap(doc).delete(NOTE))
    await test.settle()
    expect(getAuthorsMap(anna.doc).has(NOTE)).toBe(false)
    expect(getAuthorsMap(test.room.doc).has(NOTE)).toBe(false)
  })

  it('keeps the entry as it is while the same person keeps moving a note, so the document does not grow with each step', async () => {
    const test = (open = await openTestRoom())
    const anna = await joinAs(test, 'participant', 'Anna', '#2f6db5')
    anna.sendChange(writeNote('Dorfladen'))
    await test.settle()
    const stateAfterCreate = Y.encodeStateVector(test.room.doc)
    const authorsClock = () => Y.decodeStateVector(Y.encodeStateVector(test.room.doc)).get(test.room.doc.clientID) ?? 0
    const before = authorsClock()
    for (let step = 1; step <= 5; step++) {
      anna.sendChange(writeNote('Dorfladen', { x: 10 + step }))
      await test.settle()
    }
    expect(Y.encodeStateVector(test.room.doc)).not.toEqual(stateAfterCreate)
    expect(authorsClock()).toBe(before)
  })

  it('records a socket without a name in its presence with an empty name and its link’s role', async () => {
    const test = (open = await openTestRoom())
    const tool = await test.join('facilitator')
    tool.sendChange(writeNote('Aus einem Skript'))
    await test.settle()
    expect(readRecordAuthors(test.room.doc, NOTE)?.createdBy).toEqual({ name: '', color: '', role: 'facilitator' })
  })
})
