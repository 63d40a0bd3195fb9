/**
 * "Stilles Brainstorming" against the real server, with stock y-websocket providers and
 * hand-made sockets: each person's notes reach only that person's own sockets (never another
 * participant's, never the facilitator's, never the board), survive a reconnect, are counted on
 * the board, and arrive on the board in one change when revealed; a hand-made client can neither
 * read nor write another person's space, nor put a note on the board that claims to come from a round.
 */
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import {
  FROM_PRIVATE_ROUND_META,
  getAuthorsMap,
  getRecordsMap,
  PRIVATE_ROUND_META,
  readBoardRecords,
  readFacilitation,
  readTemplateInstances,
  richTextToPlain,
} from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { instanceZones, votableNoteIds } from '@dorfplatz/templates'
import { CloseCode, type CreatedBoard } from '@dorfplatz/protocol'
import { connectProvider, openRawSocket, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'
import { connectHostile, syncUpdateMessage } from './hostileClient.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

const newKey = () => crypto.randomBytes(32).toString('base64url')

async function call(server: TestServer, method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json }
}

/** A stock provider on one person's private space, as any Yjs tool would open it. */
function connectSpace(server: TestServer, boardId: string, roundId: string, token: string, key: string, name?: string): WebsocketProvider {
  const provider = connectProvider(server, `${boardId}/private/${roundId}`, token, undefined, { key })
  if (name) provider.awareness.setLocalState({ user: { id: name, name, color: '#2f6db5' } })
  return provider
}

function closeCodeOf(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => provider.on('connection-close', (event) => resolve(event?.code ?? 0)))
}

function spaceUrl(server: TestServer, boardId: string, roundId: string, token: string, key?: string): string {
  return `${server.wsUrl}/sync/${boardId}/private/${roundId}?token=${token}${key === undefined ? '' : `&key=${key}`}`
}

/** A board with a SWOT template; the frame and its first two zones. */
async function swotBoard(server: TestServer) {
  const created = await call(server, 'POST', '/api/boards', { body: { title: 'Ideenwerkstatt', templates: ['swot'] } })
  expect(created.status).toBe(201)
  const board = created.body as CreatedBoard
  const witness = connectProvider(server, board.id, board.tokens.viewer)
  await waitForSync(witness)
  const [instance] = readTemplateInstances(witness.doc)
  const zones = instanceZones(instance!)
  return { board, witness, instance: instance!, zones }
}

/** A private note inside `zone` of the instance's frame (frame-local coordinates), as the web app writes it. */
function privateNote(name: string, text: string, roundId: string, frameId: string, zone: Json, offset = 0): TLRecord {
  const area = zone.area
  const note = testNote(name, text, { x: area.x + 30 + offset, y: area.y + 60 })
  return { ...note, parentId: frameId as TLShape['parentId'], meta: { [PRIVATE_ROUND_META]: roundId } }
}

/** Every byte any update of `doc` ever carried, as text, to look for a private note's words in. */
function recordEverything(doc: Y.Doc): () => string {
  const seen: string[] = []
  doc.on('update', (update: Uint8Array) => seen.push(Buffer.from(update).toString('latin1')))
  return () => seen.join('')
}

async function openRound(server: TestServer, board: CreatedBoard, scope: Json, showAuthors = true) {
  const opened = await call(server, 'POST', `/api/boards/${board.id}/private-round`, {
    token: board.tokens.facilitator,
    body: { title: 'Ideen für das Dorf', scope, showAuthors, name: 'Frau Moderatorin' },
  })
  expect(opened.status).toBe(201)
  return opened.body.privateRound.id as string
}

describe('private rounds', () => {
  it('keeps each person’s notes to their own sockets until the reveal puts all of them on the board at once', async () => {
    const server = await startTestServer()
    const { board, witness, instance, zones } = await swotBoard(server)
    const boardBytes = recordEverything(witness.doc)
    const scope = { kind: 'template', instanceId: instance.instanceId }

    // Only the facilitator opens one, and only one at a time.
    const denied = await call(server, 'POST', `/api/boards/${board.id}/private-round`, {
      token: board.tokens.participant,
      body: { title: 'x', scope, showAuthors: true, name: 'x' },
    })
    expect(denied.status).toBe(403)
    const roundId = await openRound(server, board, scope)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).privateRound?.id === roundId)
    const again = await call(server, 'POST', `/api/boards/${board.id}/private-round`, {
      token: board.tokens.facilitator,
      body: { title: 'Zweite', scope, showAuthors: true, name: 'x' },
    })
    expect(again.status).toBe(409)

    const annaKey = newKey()
    const anna = connectSpace(server, board.id, roundId, board.tokens.participant, annaKey, 'Anna Weber')
    const annaTablet = connectSpace(server, board.id, roundId, board.tokens.participant, annaKey)
    const bernd = connectSpace(server, board.id, roundId, board.tokens.participant, newKey(), 'Bernd Klein')
    const moderator = connectSpace(server, board.id, roundId, board.tokens.facilitator, newKey())
    await Promise.all([anna, annaTablet, bernd, moderator].map(waitForSync))
    const berndBytes = recordEverything(bernd.doc)
    const moderatorBytes = recordEverything(moderator.doc)

    getRecordsMap(anna.doc).set('shape:anna1', privateNote('anna1', 'Glasfaser für Oberdorf', roundId, instance.frameId, zones[0]))
    getRecordsMap(bernd.doc).set('shape:bernd1', privateNote('bernd1', 'Bürgerbus per App', roundId, instance.frameId, zones[1]))
    getRecordsMap(bernd.doc).set('shape:bernd2', privateNote('bernd2', 'WLAN im Gemeindehaus', roundId, instance.frameId, zones[1], 10))

    // Anna's other device gets her note; the board shows only the totals.
    await waitForDoc(annaTablet.doc, (doc) => readBoardRecords(doc).has('shape:anna1'))
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).privateRound?.notes === 3 && readFacilitation(doc).privateRound?.people === 2)

    // A reconnect brings the note back from storage.
    anna.destroy()
    const annaAgain = connectSpace(server, board.id, roundId, board.tokens.participant, annaKey)
    await waitForSync(annaAgain)
    expect(richTextToPlain((readBoardRecords(annaAgain.doc).get('shape:anna1') as Json).props.richText)).toBe('Glasfaser für Oberdorf')

    // Nobody else ever received a byte of it: not Bernd, not the moderator's own space, not the board.
    expect(berndBytes()).not.toContain('Glasfaser')
    expect(moderatorBytes()).not.toContain('Glasfaser')
    expect(moderatorBytes()).not.toContain('Bürgerbus')
    expect(boardBytes()).not.toContain('Glasfaser')
    expect(boardBytes()).not.toContain('WLAN im Gemeindehaus')
    expect(readBoardRecords(moderator.doc).size).toBe(0)

    // Revealing is the facilitator's; the spaces' sockets close, everything arrives in one change.
    expect((await call(server, 'POST', `/api/boards/${board.id}/private-round/${roundId}/reveal`, { token: board.tokens.participant })).status).toBe(403)
    const closed = closeCodeOf(annaAgain)
    let changes = 0
    witness.doc.on('update', () => changes++)
    const revealed = await call(server, 'POST', `/api/boards/${board.id}/private-round/${roundId}/reveal`, { token: board.tokens.facilitator })
    expect(revealed.status).toBe(200)
    expect(revealed.body).toEqual({ notes: 3, people: 2 })
    expect(await closed).toBe(CloseCode.NO_SUCH_BOARD)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).privateRound === null)
    expect(changes).toBe(1)
    expect(readFacilitation(witness.doc).lastPrivateReveal).toMatchObject({ roundId, notes: 3, people: 2, title: 'Ideen für das Dorf' })

    const records = readBoardRecords(witness.doc)
    const revealedNotes = [...records.values()].filter((record: Json) => record.meta?.[FROM_PRIVATE_ROUND_META] === roundId) as Json[]
    expect(revealedNotes.map((note) => richTextToPlain(note.props.richText)).sort()).toEqual(['Bürgerbus per App', 'Glasfaser für Oberdorf', 'WLAN im Gemeindehaus'])
    // New ids, no private mark, each in the zone it was written in, none on top of another.
    expect(revealedNotes.some((note) => ['shape:anna1', 'shape:bernd1', 'shape:bernd2'].includes(note.id))).toBe(false)
    expect(revealedNotes.every((note) => note.meta[PRIVATE_ROUND_META] === undefined)).toBe(true)
    const instances = readTemplateInstances(witness.doc)
    const inZone = (zoneId: string) => votableNoteIds(records, instances, { kind: 'zone', instanceId: instance.instanceId, zoneId })
    const byText = (text: string) => revealedNotes.find((note) => richTextToPlain(note.props.richText) === text)!.id
    expect(inZone(zones[0]!.id)).toContain(byText('Glasfaser für Oberdorf'))
    expect(inZone(zones[1]!.id)).toEqual(expect.arrayContaining([byText('Bürgerbus per App'), byText('WLAN im Gemeindehaus')]))
    const [first, second] = revealedNotes.filter((note) => note.parentId === instance.frameId && inZone(zones[1]!.id).includes(note.id))
    expect(Math.abs(first.x - second.x) >= 200 || Math.abs(first.y - second.y) >= 200).toBe(true)
    // With names, as the facilitator chose: from each person's presence, never from the note.
    const authors = getAuthorsMap(witness.doc)
    expect((authors.get(byText('Glasfaser für Oberdorf')) as Json).createdBy).toMatchObject({ name: 'Anna Weber', role: 'participant' })
    expect((authors.get(byText('Bürgerbus per App')) as Json).createdBy).toMatchObject({ name: 'Bernd Klein' })

    // The round is over: its spaces are gone, a second reveal finds nothing open.
    const late = openRawSocket(spaceUrl(server, board.id, roundId, board.tokens.participant, annaKey))
    expect((await late.closed).code).toBe(CloseCode.NO_SUCH_BOARD)
    expect((await call(server, 'POST', `/api/boards/${board.id}/private-round/${roundId}/reveal`, { token: board.tokens.facilitator })).status).toBe(404)
  })

  it('reveals without names when the facilitator chose so', async () => {
    const server = await startTestServer()
    const { board, witness, instance, zones } = await swotBoard(server)
    const roundId = await openRound(server, board, { kind: 'all' }, false)
    const anna = connectSpace(server, board.id, roundId, board.tokens.participant, newKey(), 'Anna Weber')
    await waitForSync(anna)
    getRecordsMap(anna.doc).set('shape:a', privateNote('a', 'Dorfladen mit Abholfach', roundId, instance.frameId, zones[2]))
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).privateRound?.notes === 1)
    expect((await call(server, 'POST', `/api/boards/${board.id}/private-round/${roundId}/reveal`, { token: board.tokens.facilitator })).body).toEqual({ notes: 1, people: 1 })
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).privateRound === null)
    const note = [...readBoardRecords(witness.doc).values()].find((record: Json) => record.meta?.[FROM_PRIVATE_ROUND_META] === roundId) as Json
    expect(richTextToPlain(note.props.richText)).toBe('Dorfladen mit Abholfach')
    expect(getAuthorsMap(witness.doc).get(note.id)).toBeUndefined()
  })

  it('refuses what a hand-made client tries: other sockets, other records, claims on the board', async () => {
    const server = await startTestServer()
    const { board, instance, zones } = await swotBoard(server)
    const roundId = await openRound(server, board, { kind: 'template', instanceId: instance.instanceId })
    const participant = board.tokens.participant
    const closeCode = async (url: string) => (await openRawSocket(url).closed).code

    // Admission: viewers, no key, a malformed key, a round that is not open, a wrong token.
    expect(await closeCode(spaceUrl(server, board.id, roundId, board.tokens.viewer, newKey()))).toBe(CloseCode.FORBIDDEN)
    expect(await closeCode(spaceUrl(server, board.id, roundId, participant))).toBe(CloseCode.BAD_MESSAGE)
    expect(await closeCode(spaceUrl(server, board.id, roundId, participant, 'kurz'))).toBe(CloseCode.BAD_MESSAGE)
    expect(await closeCode(spaceUrl(server, board.id, 'nichtoffen', participant, newKey()))).toBe(CloseCode.NO_SUCH_BOARD)
    expect(await closeCode(spaceUrl(server, board.id, roundId, newKey(), newKey()))).toBe(CloseCode.UNAUTHORIZED)

    // In a space: only notes of this round.
    const note = privateNote('n', 'Idee', roundId, instance.frameId, zones[0])
    const writes: Array<[string, Json, number]> = [
      ['a shape that is no note', { ...note, type: 'geo' }, CloseCode.BAD_MESSAGE],
      ['a note without the round', { ...note, meta: {} }, CloseCode.BAD_MESSAGE],
      ['a note of another round', { ...note, meta: { [PRIVATE_ROUND_META]: 'andere' } }, CloseCode.BAD_MESSAGE],
      ['a page', { id: 'page:x', typeName: 'page', name: 'x', index: 'a9', meta: {} }, CloseCode.BAD_MESSAGE],
    ]
    for (const [what, value, code] of writes) {
      const client = await connectHostile(spaceUrl(server, board.id, roundId, participant, newKey()))
      client.send(syncUpdateMessage(client.craft((doc) => getRecordsMap(doc).set(String(value.id), value))))
      expect((await client.closed).code, what).toBe(code)
    }
    const other = await connectHostile(spaceUrl(server, board.id, roundId, participant, newKey()))
    other.send(syncUpdateMessage(other.craft((doc) => doc.getMap('facilitation').set('privateRound', null))))
    expect((await other.closed).code).toBe(CloseCode.FORBIDDEN)

    // At most 200 notes per space.
    const flood = await connectHostile(spaceUrl(server, board.id, roundId, participant, newKey()))
    flood.send(
      syncUpdateMessage(
        flood.craft((doc) => {
          const map = getRecordsMap(doc)
          for (let n = 0; n <= 200; n++) map.set(`shape:f${n}`, privateNote(`f${n}`, `Idee ${n}`, roundId, instance.frameId, zones[0]))
        }),
      ),
    )
    expect((await flood.closed).code).toBe(CloseCode.FORBIDDEN)

    // At most a megabyte per space: a few notes each near the record limit fill it.
    const heavy = await connectHostile(spaceUrl(server, board.id, roundId, participant, newKey()))
    const long = 'Glasfaser '.repeat(20_000)
    heavy.send(
      syncUpdateMessage(
        heavy.craft((doc) => {
          const map = getRecordsMap(doc)
          for (let n = 0; n < 6; n++) map.set(`shape:h${n}`, privateNote(`h${n}`, long, roundId, instance.frameId, zones[0]))
        }),
      ),
    )
    expect((await heavy.closed).code).toBe(CloseCode.FORBIDDEN)

    // On the board: no private note, no note that claims to come from a round, new or changed.
    const claims: Array<[string, Json]> = [
      ['a private note', { ...testNote('p', 'privat'), meta: { [PRIVATE_ROUND_META]: roundId } }],
      ['a claimed reveal', { ...testNote('q', 'aufgedeckt?'), meta: { [FROM_PRIVATE_ROUND_META]: roundId } }],
    ]
    for (const [what, value] of claims) {
      const client = await connectHostile(`${server.wsUrl}/sync/${board.id}?token=${participant}`)
      client.send(syncUpdateMessage(client.craft((doc) => getRecordsMap(doc).set(value.id, value))))
      expect((await client.closed).code, what).toBe(CloseCode.FORBIDDEN)
    }
    const honest = await connectHostile(`${server.wsUrl}/sync/${board.id}?token=${participant}`)
    honest.send(syncUpdateMessage(honest.craft((doc) => getRecordsMap(doc).set('shape:r', testNote('r', 'eigene Notiz')))))
    const claimant = await connectHostile(`${server.wsUrl}/sync/${board.id}?token=${participant}`)
    await waitForDoc(claimant.doc, (doc) => readBoardRecords(doc).has('shape:r'))
    claimant.send(
      syncUpdateMessage(claimant.craft((doc) => getRecordsMap(doc).set('shape:r', { ...testNote('r', 'eigene Notiz'), meta: { [FROM_PRIVATE_ROUND_META]: roundId } }))),
    )
    expect((await claimant.closed).code).toBe(CloseCode.FORBIDDEN)
  })

  it('closes the private sockets of a replaced link and of a deleted board', async () => {
    const server = await startTestServer()
    const { board } = await swotBoard(server)
    const roundId = await openRound(server, board, { kind: 'all' })
    const space = connectSpace(server, board.id, roundId, board.tokens.participant, newKey())
    await waitForSync(space)
    const closed = closeCodeOf(space)
    const rotated = await call(server, 'POST', `/api/boards/${board.id}/links/participant/rotate`, { token: board.tokens.facilitator })
    expect(rotated.status).toBe(200)
    expect(await closed).toBe(CloseCode.UNAUTHORIZED)

    const second = connectSpace(server, board.id, roundId, board.tokens.facilitator, newKey())
    await waitForSync(second)
    const gone = closeCodeOf(second)
    expect((await call(server, 'DELETE', `/api/boards/${board.id}`, { token: board.tokens.facilitator })).status).toBe(204)
    expect(await gone).toBe(CloseCode.NO_SUCH_BOARD)
  })
})
