/**
 * Two browsers on two different instances behind nginx (the repository's configuration, two
 * instances on one PostgreSQL and one Redis, see tests/integration/cluster.ts) edit one board live.
 */
import type { Page } from '@playwright/test'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { startCluster, type Cluster } from '../integration/cluster.ts'
import { expect, openBoard, test } from './boardFixtures.ts'
import { addNote, noteWithText } from './notes.ts'

let cluster: Cluster
test.beforeAll(async () => {
  test.setTimeout(120_000)
  cluster = await startCluster({ entry: 'built' })
})
test.afterAll(async () => {
  await cluster?.stop()
})

/** Which instances have the board open now (boards leave an instance's memory once nobody there has them open). */
async function instancesWithBoard(): Promise<boolean[]> {
  return Promise.all(
    cluster.instances.map(async (instance) => ((await (await fetch(`${instance.url}/healthz`)).json()) as { boardsLoaded: number }).boardsLoaded > 0),
  )
}

test('two browsers on two instances behind the balancer edit one board live', async ({ newBrowser }) => {
  test.setTimeout(120_000)
  const response = await fetch(`${cluster.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Über zwei Instanzen' }),
  })
  const board = (await response.json()) as CreatedBoard
  expect(board.links.participant.startsWith(cluster.url)).toBe(true)

  const anna = await (await newBrowser()).newPage()
  await openBoard(anna, board.links.facilitator, 'Anna Moderation')
  await expect.poll(async () => (await instancesWithBoard()).filter(Boolean).length).toBe(1)
  const annasInstance = (await instancesWithBoard()).indexOf(true)

  // The balancer picks an instance per connection; Bernd reloads until his socket is on the other one.
  let bernd: Page | undefined
  for (let attempt = 0; attempt < 10 && !bernd; attempt++) {
    const page = await (await newBrowser()).newPage()
    await openBoard(page, board.links.participant, 'Bernd Bürgermeister')
    const both = await expect
      .poll(async () => (await instancesWithBoard()).every(Boolean), { timeout: 3000 })
      .toBe(true)
      .then(() => true, () => false)
    if (both) bernd = page
    else await page.context().close()
  }
  expect(bernd, 'the balancer sent one browser to each instance').toBeDefined()
  expect(annasInstance).toBeGreaterThanOrEqual(0)

  await addNote(anna, 'Glasfaser für alle Ortsteile', { x: 400, y: 300 })
  await expect(noteWithText(bernd!, 'Glasfaser für alle Ortsteile')).toBeVisible()
  await addNote(bernd!, 'Dorf-App für Vereine', { x: 700, y: 300 })
  await expect(noteWithText(anna, 'Dorf-App für Vereine')).toBeVisible()
  // Each sees the other present.
  await expect(anna.getByTestId('participants-button')).toContainText('2')
})
