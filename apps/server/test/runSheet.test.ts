/**
 * The run-sheet ("Ablauf") against the real server, with clients that speak the HTTP API and
 * the sync protocol directly: only facilitators plan and run it, nobody writes it over the
 * socket, "Nächster Schritt" is one change and refuses a stale click, and a run-sheet comes
 * over from another board only with that board's facilitator link.
 */
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import {
  FacilitationKey,
  FIRST_PAGE_ID,
  FROM_PRIVATE_ROUND_META,
  PRIVATE_ROUND_META,
  richTextToPlain,
  getFacilitationMap,
  getRecordsMap,
  readBoardRecords,
  readFacilitation,
  readTemplateInstances,
  type RunSheet,
} from '@dorfplatz/board'
import { CloseCode, VOTER_HEADER, type CreatedBoard } from '@dorfplatz/protocol'
import { getTemplate, zoneCentre } from '@dorfplatz/templates'
import { testNote } from '@dorfplatz/board/testing'
import { connectProvider, startTestServer, waitForDoc, waitForSync, type TestServer } from './testServer.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function call(server: TestServer, method: string, path: string, { token, body, voter }: { token?: string; body?: unknown; voter?: string } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(voter ? { [VOTER_HEADER]: voter } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json }
}

async function synced(server: TestServer, boardId: string, token: string): Promise<WebsocketProvider> {
  const provider = connectProvider(server, boardId, token)
  await waitForSync(provider)
  return provider
}

function closeCodeOf(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => provider.on('connection-close', (event) => resolve(event?.code ?? 0)))
}

const sheetOf = (provider: WebsocketProvider): RunSheet => readFacilitation(provider.doc).runSheet

async function boardWith(server: TestServer, templates: string[] = ['priority-matrix', 'swot']) {
  const created = await call(server, 'POST', '/api/boards', { body: { title: 'Klausurtagung', templates } })
  expect(created.status).toBe(201)
  const board = created.body as CreatedBoard
  const witness = await synced(server, board.id, board.tokens.viewer)
  const instances = readTemplateInstances(witness.doc)
  return { board, witness, instances }
}

/** Three steps: ideas with a timer in a matrix zone, a voting round on the matrix, a presentation. */
function dayPlan(instanceId: string) {
  const zoneId = getTemplate('priority-matrix').zones[0]!.id
  return [
    { id: 'ideen', title: 'Ideen sammeln', durationMinutes: 10, place: { kind: 'zone', instanceId, zoneId }, actions: [{ kind: 'timer' }] },
    {
      id: 'punkte',
      title: 'Punkte vergeben',
      durationMinutes: 5,
      place: { kind: 'template', instanceId },
      actions: [{ kind: 'voting', title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'template', instanceId } }, { kind: 'timer' }, { kind: 'freeze' }],
    },
    { id: 'vorstellen', title: 'Ergebnisse vorstellen', durationMinutes: 15, place: { kind: 'all' }, actions: [{ kind: 'presenting' }] },
  ]
}

describe('run-sheet', () => {
  it('runs a planned day with "Nächster Schritt": each switch one change, a stale click refused', async () => {
    const server = await startTestServer()
    const { board, witness, instances } = await boardWith(server)
    const token = board.tokens.facilitator
    const base = `/api/boards/${board.id}/runsheet`
    const instance = instances[0]!
    const planned = await call(server, 'PUT', base, { token, body: { steps: dayPlan(instance.instanceId) } })
    expect(planned.status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).runSheet.steps.length === 3)
    expect(sheetOf(witness).steps.map((step) => [step.id, step.status])).toEqual([['ideen', 'planned'], ['punkte', 'planned'], ['vorstellen', 'planned']])

    // A note in the matrix to vote on.
    const participant = await synced(server, board.id, board.tokens.participant)
    const centre = zoneCentre(getTemplate('priority-matrix').zones[0]!.area)
    getRecordsMap(participant.doc).set('shape:glasfaser', testNote('glasfaser', 'Glasfaser', { x: instance.x + centre.x - 100, y: instance.y + centre.y - 100 }))
    await waitForDoc(witness.doc, (doc) => readBoardRecords(doc).has('shape:glasfaser'))

    const who = { userId: 'anna', name: 'Anna' }
    let updates = 0
    witness.doc.on('update', () => updates++)

    // Step 1: the timer runs the step's ten minutes; everyone is brought to the zone.
    const before = Date.now()
    const first = await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: null, ...who } })
    expect(first.status).toBe(200)
    expect(first.body.started).toMatchObject({ id: 'ideen', status: 'current' })
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).runSheet.steps[0]?.status === 'current')
    expect(updates).toBe(1)
    let state = readFacilitation(witness.doc)
    expect(state.timer).toMatchObject({ status: 'running', durationMs: 10 * 60_000 })
    expect(state.summon).toMatchObject({ userId: 'runsheet', name: 'Anna', pageId: instance.pageId })
    expect(state.runSheet.steps[0]!.startedAt).toBeGreaterThanOrEqual(before)

    // A second click with the same expectation (a double click) changes nothing.
    const stale = await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: null, ...who } })
    expect(stale.status).toBe(409)
    const doubled = await Promise.all([1, 2].map(() => call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: 'ideen', ...who } })))
    expect(doubled.map((answer) => answer.status).sort()).toEqual([200, 409])
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).runSheet.steps[1]?.status === 'current')
    expect(updates).toBe(2)

    // Step 2: step 1 is done, the round is open, the board halted, a new timer of five minutes.
    state = readFacilitation(witness.doc)
    expect(state.runSheet.steps.map((step) => step.status)).toEqual(['done', 'current', 'planned'])
    expect(state.runSheet.steps[0]!.endedAt).toBeGreaterThanOrEqual(state.runSheet.steps[0]!.startedAt!)
    expect(state.activeRound).toMatchObject({ title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'template', instanceId: instance.instanceId } })
    expect(state.freeze).not.toBeNull()
    expect(state.timer).toMatchObject({ durationMs: 5 * 60_000 })
    const roundId = state.activeRound!.id
    const voter = crypto.randomBytes(32).toString('base64url')
    const dot = await call(server, 'POST', `/api/boards/${board.id}/rounds/${roundId}/ballot`, { token: board.tokens.participant, voter, body: { shapeId: 'shape:glasfaser', delta: 1 } })
    expect(dot.status).toBe(200)

    // Step 3 presents: it needs the slides, and they must be frames of the page.
    expect((await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: 'punkte', ...who } })).status).toBe(422)
    const badSlides = { pageId: FIRST_PAGE_ID, slides: ['shape:nothing'] }
    expect((await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: 'punkte', ...who, presenting: badSlides } })).status).toBe(422)
    expect(readFacilitation(witness.doc).runSheet.steps[1]!.status).toBe('current')
    const slides = instances.map((candidate) => candidate.frameId)
    // The dot changed the round's progress; count from here.
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).activeRound?.dotsCast === 1)
    updates = 0
    const third = await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: 'punkte', ...who, presenting: { pageId: FIRST_PAGE_ID, slides } } })
    expect(third.status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).runSheet.steps[2]?.status === 'current')
    expect(updates).toBe(1)
    // The round of step 2 is revealed with its dot, its timer stopped, the board released; the presentation runs.
    state = readFacilitation(witness.doc)
    expect(state.rounds.find((round) => round.id === roundId)).toMatchObject({ status: 'revealed', results: [{ shapeId: 'shape:glasfaser', votes: 1 }] })
    expect(state.activeRound).toBeNull()
    expect(state.timer).toBeNull()
    expect(state.freeze).toBeNull()
    expect(state.presenting).toMatchObject({ slides, index: 0, by: 'Anna' })

    // The last "Nächster Schritt" ends the day; after it there is nothing to go to.
    const last = await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: 'vorstellen', ...who } })
    expect(last.status).toBe(200)
    expect(last.body.started).toBeNull()
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).runSheet.steps[2]?.status === 'done')
    expect(readFacilitation(witness.doc).presenting).toBeNull()
    expect((await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: null, ...who } })).status).toBe(409)

    // The Ergebnisprotokoll begins with the day as it ran.
    const report = await fetch(`${server.url}/api/boards/${board.id}/report.md`, { headers: { authorization: `Bearer ${token}` } })
    const markdown = await report.text()
    expect(markdown.indexOf('## Ablauf')).toBeGreaterThan(0)
    expect(markdown).toMatch(/\| 1 \| Ideen sammeln \| 10 min \| \d\d:\d\d \| 0 min \|/)
    expect(markdown).toMatch(/\| 3 \| Ergebnisse vorstellen \| 15 min \| \d\d:\d\d \| 0 min \|/)

    // A late joiner reads the same day.
    const late = await synced(server, board.id, board.tokens.participant)
    expect(sheetOf(late)).toEqual(sheetOf(witness))
  })

  it('skips, plans again and reorders steps; "Nächster Schritt" passes skipped ones', async () => {
    const server = await startTestServer()
    const { board, witness, instances } = await boardWith(server)
    const token = board.tokens.facilitator
    const base = `/api/boards/${board.id}/runsheet`
    expect((await call(server, 'PUT', base, { token, body: { steps: dayPlan(instances[0]!.instanceId) } })).status).toBe(200)
    expect((await call(server, 'PUT', `${base}/steps/ideen/status`, { token, body: { status: 'skipped' } })).status).toBe(200)
    expect((await call(server, 'PUT', `${base}/steps/ideen/status`, { token, body: { status: 'skipped' } })).status).toBe(409)
    expect((await call(server, 'PUT', `${base}/steps/nirgends/status`, { token, body: { status: 'skipped' } })).status).toBe(404)
    const reordered = await call(server, 'POST', `${base}/reorder`, { token, body: { order: ['vorstellen', 'punkte', 'ideen'] } })
    expect(reordered.status).toBe(200)
    for (const order of [['punkte', 'ideen'], ['punkte', 'punkte', 'ideen'], ['punkte', 'ideen', 'x']]) {
      expect((await call(server, 'POST', `${base}/reorder`, { token, body: { order } })).status, JSON.stringify(order)).toBe(422)
    }
    expect((await call(server, 'PUT', `${base}/steps/vorstellen/status`, { token, body: { status: 'skipped' } })).status).toBe(200)
    const next = await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: null, userId: 'anna', name: 'Anna' } })
    expect(next.body.started.id).toBe('punkte')
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).runSheet.steps[1]?.status === 'current')
    expect(sheetOf(witness).steps.map((step) => [step.id, step.status])).toEqual([['vorstellen', 'skipped'], ['punkte', 'current'], ['ideen', 'skipped']])
    // Editing keeps the running step's state; removing it is refused.
    const edited = dayPlan(instances[0]!.instanceId).map((step) => ({ ...step, title: `${step.title} (neu)` }))
    expect((await call(server, 'PUT', base, { token, body: { steps: edited } })).status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).runSheet.steps[0]?.title === 'Ideen sammeln (neu)')
    expect(sheetOf(witness).steps.find((step) => step.id === 'punkte')).toMatchObject({ status: 'current', title: 'Punkte vergeben (neu)' })
    expect((await call(server, 'PUT', base, { token, body: { steps: edited.filter((step) => step.id !== 'punkte') } })).status).toBe(409)
    // A skipped step can be planned again.
    expect((await call(server, 'PUT', `${base}/steps/ideen/status`, { token, body: { status: 'planned' } })).status).toBe(200)
  })

  it('validates steps hard (422) and shapes (400), and changes nothing then', async () => {
    const server = await startTestServer()
    const { board, witness, instances } = await boardWith(server)
    const token = board.tokens.facilitator
    const base = `/api/boards/${board.id}/runsheet`
    const instanceId = instances[0]!.instanceId
    const step = { title: 'Ideen', durationMinutes: 5, place: { kind: 'all' }, actions: [] as Json[] }
    const unprocessable: Json[] = [
      Array.from({ length: 51 }, () => step),
      [{ ...step, title: '   ' }],
      [{ ...step, title: 'x'.repeat(121) }],
      [{ ...step, durationMinutes: 0 }],
      [{ ...step, durationMinutes: 181 }],
      [{ ...step, durationMinutes: 2.5 }],
      [{ ...step, id: 'mit leerzeichen' }],
      [{ ...step, id: 'a' }, { ...step, id: 'a' }],
      [{ ...step, place: { kind: 'template', instanceId: 'nirgends' } }],
      [{ ...step, place: { kind: 'zone', instanceId, zoneId: 'nirgends' } }],
      [{ ...step, actions: [{ kind: 'timer' }, { kind: 'timer' }] }],
      [{ ...step, actions: [{ kind: 'follow' }, { kind: 'presenting' }] }],
      [{ ...step, actions: [{ kind: 'voting', title: 'Was?', dotsPerPerson: 21, scope: { kind: 'all' } }] }],
      [{ ...step, actions: [{ kind: 'voting', title: '', dotsPerPerson: 3, scope: { kind: 'all' } }] }],
      [{ ...step, actions: [{ kind: 'voting', title: 'Was?', dotsPerPerson: 3, scope: { kind: 'zone', instanceId, zoneId: 'nirgends' } }] }],
      [{ ...step, actions: [{ kind: 'private', title: 'Still', scope: { kind: 'template', instanceId: 'nirgends' }, showAuthors: true }] }],
    ]
    for (const steps of unprocessable) {
      expect((await call(server, 'PUT', base, { token, body: { steps } })).status, JSON.stringify(steps).slice(0, 200)).toBe(422)
    }
    const malformed: Json[] = [
      {},
      { steps: 'alle' },
      { steps: [{ ...step, actions: [{ kind: 'tanzen' }] }] },
      { steps: [{ ...step, place: { kind: 'zone', instanceId } }] },
      { steps: [{ ...step, extra: 1 }] },
      { steps: [{ ...step, title: 5 }] },
    ]
    for (const body of malformed) {
      expect((await call(server, 'PUT', base, { token, body })).status, JSON.stringify(body)).toBe(400)
    }
    for (const body of [{}, { expectedStepId: null, userId: 'anna' }, { expectedStepId: 3, userId: 'anna', name: 'Anna' }]) {
      expect((await call(server, 'POST', `${base}/next`, { token, body })).status, JSON.stringify(body)).toBe(400)
    }
    expect((await call(server, 'PUT', `${base}/steps/x/status`, { token, body: { status: 'done' } })).status).toBe(400)
    // Fifty steps are fine.
    expect((await call(server, 'PUT', base, { token, body: { steps: Array.from({ length: 50 }, () => step) } })).status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).runSheet.steps.length === 50)
  })

  it('opens a step’s private round, and reveals it in the same change that starts the next step', async () => {
    const server = await startTestServer()
    const { board, witness, instances } = await boardWith(server)
    const token = board.tokens.facilitator
    const base = `/api/boards/${board.id}/runsheet`
    const matrix = instances[0]!
    const steps = [
      { id: 'still', title: 'Stilles Brainstorming', durationMinutes: 10, place: { kind: 'all' }, actions: [{ kind: 'private', title: 'Ideen', scope: { kind: 'template', instanceId: matrix.instanceId }, showAuthors: false }, { kind: 'timer' }] },
      { id: 'punkte', title: 'Punkte', durationMinutes: 5, place: { kind: 'all' }, actions: [{ kind: 'voting', title: 'Was zuerst?', dotsPerPerson: 3, scope: { kind: 'all' } }] },
    ]
    expect((await call(server, 'PUT', base, { token, body: { steps } })).status).toBe(200)
    expect((await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: null, userId: 'anna', name: 'Anna' } })).status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).privateRound !== null)
    const round = readFacilitation(witness.doc).privateRound!
    expect(round).toMatchObject({ title: 'Ideen', scope: { kind: 'template', instanceId: matrix.instanceId }, showAuthors: false })
    expect(readFacilitation(witness.doc).timer?.status).toBe('running')

    // A participant writes into her private space; the board sees only the count.
    const space = connectProvider(server, `${board.id}/private/${round.id}`, board.tokens.participant, undefined, { key: crypto.randomBytes(32).toString('base64url') })
    await waitForSync(space)
    const zone = getTemplate('priority-matrix').zones[0]!
    const centre = zoneCentre(zone.area)
    getRecordsMap(space.doc).set('shape:still', { ...testNote('still', 'Mobilfunk am Sportplatz', { x: matrix.x + centre.x - 100, y: matrix.y + centre.y - 100 }), meta: { [PRIVATE_ROUND_META]: round.id } })
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).privateRound?.notes === 1)

    let changes = 0
    witness.doc.on('update', () => changes++)
    expect((await call(server, 'POST', `${base}/next`, { token, body: { expectedStepId: 'still', userId: 'anna', name: 'Anna' } })).status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).activeRound !== null)
    expect(changes).toBe(1)
    const facilitation = readFacilitation(witness.doc)
    expect(facilitation.privateRound).toBeNull()
    expect(facilitation.lastPrivateReveal).toMatchObject({ roundId: round.id, notes: 1, people: 1 })
    const revealed = [...readBoardRecords(witness.doc).values()].filter((record) => (record as { meta?: Record<string, unknown> }).meta?.[FROM_PRIVATE_ROUND_META] === round.id)
    expect(revealed.map((record) => richTextToPlain((record as { props: { richText: unknown } }).props.richText))).toEqual(['Mobilfunk am Sportplatz'])
    expect(sheetOf(witness).steps.map((step) => step.status)).toEqual(['done', 'current'])
  })

  it('refuses participants and viewers (403) and requests without a token (401)', async () => {
    const server = await startTestServer()
    const { board, witness, instances } = await boardWith(server)
    const other = await boardWith(server)
    const base = `/api/boards/${board.id}/runsheet`
    expect((await call(server, 'PUT', base, { token: board.tokens.facilitator, body: { steps: dayPlan(instances[0]!.instanceId) } })).status).toBe(200)
    const actions: Array<[string, string, unknown]> = [
      ['PUT', base, { steps: [] }],
      ['POST', `${base}/reorder`, { order: ['vorstellen', 'punkte', 'ideen'] }],
      ['PUT', `${base}/steps/ideen/status`, { status: 'skipped' }],
      ['POST', `${base}/next`, { expectedStepId: null, userId: 'x', name: 'X' }],
      ['POST', `${base}/import`, { fromBoardId: other.board.id, fromToken: other.board.tokens.facilitator }],
      ['PUT', `/api/boards/${board.id}/cursors`, { hidden: true }],
    ]
    for (const [method, path, body] of actions) {
      for (const role of ['participant', 'viewer'] as const) {
        expect((await call(server, method, path, { token: board.tokens[role], body })).status, `${role} ${method} ${path}`).toBe(403)
      }
      expect((await call(server, method, path, { body })).status).toBe(401)
    }
    // Nothing moved: still three planned steps in the first order.
    expect((await call(server, 'PUT', `/api/boards/${board.id}/freeze`, { token: board.tokens.facilitator, body: { name: 'Anna' } })).status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).freeze !== null)
    expect(sheetOf(witness).steps.map((step) => [step.id, step.status])).toEqual([['ideen', 'planned'], ['punkte', 'planned'], ['vorstellen', 'planned']])
    expect(readFacilitation(witness.doc).cursorsHidden).toBe(false)
  })

  it('closes the socket (4403) of any client writing the run-sheet or the cursor switch directly', async () => {
    const server = await startTestServer()
    const { board, witness } = await boardWith(server)
    const forged = { steps: [{ id: 'x', title: 'Gefälscht', durationMinutes: 5, place: { kind: 'all' }, actions: [], status: 'current' }] }
    for (const role of ['participant', 'facilitator'] as const) {
      for (const [key, value] of [[FacilitationKey.RUN_SHEET, forged], [FacilitationKey.CURSORS_HIDDEN, true]] as const) {
        const hostile = await synced(server, board.id, board.tokens[role])
        const closed = closeCodeOf(hostile)
        getFacilitationMap(hostile.doc).set(key, value)
        expect(await closed, `${role} ${key}`).toBe(CloseCode.FORBIDDEN)
        hostile.destroy()
      }
    }
    expect((await call(server, 'PUT', `/api/boards/${board.id}/freeze`, { token: board.tokens.facilitator, body: { name: 'Anna' } })).status).toBe(200)
    await waitForDoc(witness.doc, (doc) => readFacilitation(doc).freeze !== null)
    const fresh = await synced(server, board.id, board.tokens.viewer)
    expect(readFacilitation(fresh.doc).runSheet.steps).toEqual([])
    expect(readFacilitation(fresh.doc).cursorsHidden).toBe(false)
  })

  it('takes a run-sheet over from another board only with its facilitator link, mapping places by template', async () => {
    const server = await startTestServer()
    const source = await boardWith(server, ['priority-matrix', 'swot'])
    const target = await boardWith(server, ['priority-matrix'])
    const sourceMatrix = source.instances[0]!
    const swot = source.instances[1]!
    const steps = [
      ...dayPlan(sourceMatrix.instanceId),
      { id: 'swot', title: 'SWOT', durationMinutes: 20, place: { kind: 'template', instanceId: swot.instanceId }, actions: [] },
    ]
    expect((await call(server, 'PUT', `/api/boards/${source.board.id}/runsheet`, { token: source.board.tokens.facilitator, body: { steps } })).status).toBe(200)
    // Run the first step on the source, so that it has times the copy must not take over.
    expect((await call(server, 'POST', `/api/boards/${source.board.id}/runsheet/next`, { token: source.board.tokens.facilitator, body: { expectedStepId: null, userId: 'a', name: 'A' } })).status).toBe(200)

    const path = `/api/boards/${target.board.id}/runsheet/import`
    const token = target.board.tokens.facilitator
    for (const fromToken of [source.board.tokens.participant, source.board.tokens.viewer, target.board.tokens.facilitator, 'x'.repeat(43), '']) {
      expect((await call(server, 'POST', path, { token, body: { fromBoardId: source.board.id, fromToken } })).status).toBe(403)
    }
    expect((await call(server, 'POST', path, { token, body: { fromBoardId: 'nichtda', fromToken: source.board.tokens.facilitator } })).status).toBe(400)

    const imported = await call(server, 'POST', path, { token, body: { fromBoardId: source.board.id, fromToken: source.board.tokens.facilitator } })
    expect(imported.status).toBe(200)
    expect(imported.body).toEqual({ imported: 4, droppedPlaces: ['SWOT'] })
    await waitForDoc(target.witness.doc, (doc) => readFacilitation(doc).runSheet.steps.length === 4)
    const copied = sheetOf(target.witness).steps
    const targetMatrix = target.instances[0]!.instanceId
    expect(copied.map((step) => step.status)).toEqual(['planned', 'planned', 'planned', 'planned'])
    expect(copied.every((step) => step.startedAt === undefined && !['ideen', 'punkte', 'vorstellen', 'swot'].includes(step.id))).toBe(true)
    expect(copied[0]!.place).toMatchObject({ kind: 'zone', instanceId: targetMatrix })
    expect(copied[1]!.actions[0]).toMatchObject({ kind: 'voting', scope: { kind: 'template', instanceId: targetMatrix } })
    expect(copied[3]!.place).toEqual({ kind: 'all' })
    // The source is as it was.
    expect(sheetOf(source.witness).steps[0]!.status).toBe('current')
  })

  it("stops relaying participants' cursors while they are hidden, and relays them again after", async () => {
    const server = await startTestServer()
    const { board } = await boardWith(server)
    const mayor = await synced(server, board.id, board.tokens.participant)
    const facilitator = await synced(server, board.id, board.tokens.facilitator)
    const watcher = await synced(server, board.id, board.tokens.participant)
    const presence = (x: number) => ({ cursor: { x, y: 10, type: 'default', rotation: 0 }, lastActivityTimestamp: x, currentPageId: FIRST_PAGE_ID, chatMessage: '' })
    const user = (name: string) => ({ id: name, name, color: '#336699', role: '' })
    mayor.awareness.setLocalState({ user: user('Weber'), presence: presence(1) })
    facilitator.awareness.setLocalState({ user: user('Anna'), presence: presence(1) })

    // Every state of the mayor's that reaches the watcher.
    const stateOf = (id: number) => watcher.awareness.getStates().get(id) as Json
    const mayorStates: Json[] = []
    watcher.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(mayor.awareness.clientID)) mayorStates.push(stateOf(mayor.awareness.clientID))
    })
    const watch = (predicate: () => boolean) =>
      new Promise<void>((resolve) => {
        if (predicate()) return resolve()
        const check = () => {
          if (!predicate()) return
          watcher.awareness.off('change', check)
          resolve()
        }
        watcher.awareness.on('change', check)
      })
    await watch(() => stateOf(mayor.awareness.clientID)?.presence?.cursor?.x === 1 && stateOf(facilitator.awareness.clientID)?.presence?.cursor?.x === 1)

    const token = board.tokens.facilitator
    expect((await call(server, 'PUT', `/api/boards/${board.id}/cursors`, { token, body: { hidden: true } })).status).toBe(200)
    mayorStates.length = 0
    // The mayor moves the mouse fifty times, the facilitator once, then the mayor takes a new name:
    // the facilitator's cursor and the mayor's name arrive, the mayor's cursor never does.
    for (let x = 100; x <= 150; x++) mayor.awareness.setLocalState({ user: user('Weber'), presence: presence(x) })
    facilitator.awareness.setLocalState({ user: user('Anna'), presence: presence(200) })
    mayor.awareness.setLocalState({ user: user('Bürgermeisterin Weber'), presence: presence(151) })
    await watch(() => stateOf(mayor.awareness.clientID)?.user?.name === 'Bürgermeisterin Weber' && stateOf(facilitator.awareness.clientID)?.presence?.cursor?.x === 200)
    expect(mayorStates.length).toBeGreaterThan(0)
    // Fifty moves and a rename reached the watcher as one or two states (the rename, perhaps one move), never as fifty.
    expect(mayorStates.length).toBeLessThanOrEqual(2)
    expect(mayorStates.every((state) => state.presence.cursor === null && state.presence.lastActivityTimestamp === null)).toBe(true)
    expect(stateOf(mayor.awareness.clientID).presence).toMatchObject({ cursor: null, currentPageId: FIRST_PAGE_ID })
    // A newcomer gets no participant's cursor either, and the facilitator's.
    const late = await synced(server, board.id, board.tokens.viewer)
    await new Promise<void>((resolve) => {
      const check = () => {
        if (late.awareness.getStates().has(mayor.awareness.clientID)) resolve()
      }
      late.awareness.on('change', check)
      check()
    })
    expect((late.awareness.getStates().get(mayor.awareness.clientID) as Json).presence.cursor).toBeNull()
    expect((late.awareness.getStates().get(facilitator.awareness.clientID) as Json).presence.cursor.x).toBe(200)

    // Shown again: the mayor's next move arrives with its cursor.
    expect((await call(server, 'PUT', `/api/boards/${board.id}/cursors`, { token, body: { hidden: false } })).status).toBe(200)
    mayor.awareness.setLocalState({ user: user('Bürgermeisterin Weber'), presence: presence(300) })
    await watch(() => stateOf(mayor.awareness.clientID)?.presence?.cursor?.x === 300)
  })
})
