/**
 * DORFPLATZ_RETENTION_DAYS: boards nobody opened for that long are deleted, at start and by the
 * periodic sweep; the facilitator is warned during the last two weeks; opening a board starts the
 * period anew. The clock is injected, so the test moves time instead of waiting for it.
 */
import { expect, it } from 'vitest'
import type { BoardInfo } from '@dorfplatz/protocol'
import { connectProvider, startTestServer, tempDataDir, waitForSync, type TestServer } from './testServer.ts'

const DAY_MS = 24 * 60 * 60_000

const info = async (server: TestServer, boardId: string, token: string): Promise<{ status: number; body: BoardInfo }> => {
  const response = await fetch(`${server.url}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, body: (await response.json()) as BoardInfo }
}

it('warns the facilitator in the last two weeks, keeps boards someone opens, and deletes the others', async () => {
  const dataDir = tempDataDir()
  let now = Date.now()
  const server = await startTestServer({ DORFPLATZ_DATA_DIR: dataDir, DORFPLATZ_RETENTION_DAYS: '90' }, { now: () => now })
  const opened = await server.createBoard('Wird geöffnet')
  const forgotten = await server.createBoard('Vergessen')
  const inUse = await server.createBoard('Immer offen')
  const createdAt = (await server.app.storage.getBoard(forgotten.id))!.createdAt
  // A board with a socket open through the whole period is in use.
  const keeper = connectProvider(server, inUse.id, inUse.tokens.participant)
  await waitForSync(keeper)

  now = createdAt + 75 * DAY_MS
  expect((await info(server, forgotten.id, forgotten.tokens.facilitator)).body.retention).toBeUndefined()
  expect(await server.app.sweepExpiredBoards()).toEqual([])

  now = createdAt + 80 * DAY_MS
  expect((await info(server, forgotten.id, forgotten.tokens.facilitator)).body.retention).toEqual({
    lastOpenedAt: createdAt,
    deletesAt: createdAt + 90 * DAY_MS,
  })
  // Only the facilitator can act on it.
  expect((await info(server, forgotten.id, forgotten.tokens.participant)).body.retention).toBeUndefined()
  // Opening a board starts the period anew.
  const visitor = connectProvider(server, opened.id, opened.tokens.participant)
  await waitForSync(visitor)
  await expect.poll(async () => (await server.app.storage.getBoard(opened.id))?.lastOpenedAt).toBe(now)
  visitor.destroy()

  now = createdAt + 91 * DAY_MS
  expect(await server.app.sweepExpiredBoards()).toEqual([forgotten.id])
  expect((await info(server, forgotten.id, forgotten.tokens.facilitator)).status).toBe(401)
  expect((await info(server, opened.id, opened.tokens.facilitator)).body.retention).toBeUndefined()
  expect((await server.app.storage.getBoard(inUse.id))?.lastOpenedAt).toBe(now)
  keeper.destroy()
  await server.close()

  // At start, before the first request: what expired while the server was down.
  now = createdAt + 200 * DAY_MS
  const restarted = await startTestServer({ DORFPLATZ_DATA_DIR: dataDir, DORFPLATZ_RETENTION_DAYS: '90' }, { now: () => now })
  expect(await restarted.app.storage.listBoards()).toEqual([])
})

it('keeps every board without DORFPLATZ_RETENTION_DAYS', async () => {
  let now = Date.now()
  const server = await startTestServer({}, { now: () => now })
  const board = await server.createBoard('Ohne Frist')
  now += 10_000 * DAY_MS
  expect(await server.app.sweepExpiredBoards()).toEqual([])
  expect((await info(server, board.id, board.tokens.facilitator)).body.retention).toBeUndefined()
  expect(await server.app.storage.getBoard(board.id)).toBeDefined()
})
