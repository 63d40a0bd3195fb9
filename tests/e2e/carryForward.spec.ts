/**
 * Results that carry forward, in Chromium against the built server: the facilitator of a first
 * workshop's board starts the second one from its main menu with the top three of a revealed
 * round carried into the Fahrplan and the quick wins into the Projekt-Canvas, opens it, and sees
 * each carried note say where it came from ("aus Workshop 1, Rang 2 (2 Punkte)"), the series line
 * with the first board as its neighbour, and both boards grouped under the series on the start page.
 */
import { CARRIED_FROM_META, readBoardRecords, readTemplateInstances, richTextToPlain } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { VOTER_HEADER } from '@dorfplatz/protocol'
import { getTemplate, zoneCentre } from '@dorfplatz/templates'
import { expect, openBoard, test } from './boardFixtures.ts'
import { parseBoardLink, readBoardDoc, writeBoardRecords } from './boardDoc.ts'
import { openMainMenuItem, seriousViolations } from './boardMainMenu.ts'
import { noteWithText } from './notes.ts'
import { screenshotPath } from './docsScreenshots.ts'

const ROUND_TITLE = 'Was packen wir zuerst an?'

test('a facilitator starts the next workshop’s board with the top three of a round carried over, and sees where each note came from', async ({
  server,
  newBrowser,
}, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Workshop 1', { templates: ['priority-matrix'] })
  const [matrix] = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  const inZone = (zoneId: string, dx = 0) => {
    const centre = zoneCentre(getTemplate('priority-matrix').zones.find((zone) => zone.id === zoneId)!.area)
    return { x: matrix!.x + centre.x - 100 + dx, y: matrix!.y + centre.y - 100 }
  }
  const notes = [
    testNote('glasfaser', 'Glasfaser für alle Ortsteile', { ...inZone('grosse-vorhaben'), index: 'a5' }),
    testNote('dorfapp', 'Dorf-App für Vereine', { ...inZone('schnelle-erfolge', -120), index: 'a6' }),
    testNote('buergerbus', 'Bürgerbus am Samstag', { ...inZone('schnelle-erfolge', 120), index: 'a7' }),
    testNote('bank', 'Mitfahrbank', { ...inZone('zeitfresser'), index: 'a8' }),
  ]
  await writeBoardRecords(server.url, board.id, board.tokens.participant, notes)
  // Glasfaser 3 dots, Dorf-App 2, Bürgerbus 1, the Mitfahrbank none.
  const api = (route: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/boards/${board.id}${route}`, {
      method: 'POST',
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${board.tokens.facilitator}`, ...init.headers },
    })
  const opened = await api('/rounds', { body: JSON.stringify({ title: ROUND_TITLE, dotsPerPerson: 3, scope: { kind: 'all' } }) })
  const { round } = (await opened.json()) as { round: { id: string } }
  const ballots: Array<[string, string]> = [['a', 'shape:glasfaser'], ['a', 'shape:glasfaser'], ['a', 'shape:dorfapp'], ['b', 'shape:glasfaser'], ['b', 'shape:dorfapp'], ['b', 'shape:buergerbus']]
  for (const [voter, shapeId] of ballots) {
    const placed = await api(`/rounds/${round.id}/ballot`, { body: JSON.stringify({ shapeId, delta: 1 }), headers: { [VOTER_HEADER]: voter.repeat(43) } })
    expect(placed.status).toBe(200)
  }
  expect((await api(`/rounds/${round.id}/reveal`)).status).toBe(200)

  const context = await newBrowser()
  const page = await context.newPage()
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  await openMainMenuItem(page, 'dorfplatz-carry-forward')
  const dialog = page.getByTestId('carry-forward-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('carry-title-input').fill('Workshop 2')
  await dialog.getByTestId('template-option-project-canvas').check()
  await dialog.getByTestId('template-option-roadmap').check()
  // The top three of the round into the Fahrplan's first cell (the catalogue's order: the canvas, then the Fahrplan) …
  const [first, second] = [dialog.getByTestId('carry-item').nth(0), dialog.getByTestId('carry-item').nth(1)]
  await first.getByTestId('carry-source-select').selectOption({ label: `Ergebnis „${ROUND_TITLE}“` })
  await first.getByTestId('carry-top-input').fill('3')
  await first.getByTestId('carry-target-select').selectOption(`1:${getTemplate('roadmap').zones[0]!.id}`)
  // … and the quick wins into the canvas's idea.
  await dialog.getByTestId('carry-add-item').click()
  await second.getByTestId('carry-source-select').selectOption({ label: 'Schnelle Erfolge (2 Notizen)' })
  await second.getByTestId('carry-target-select').selectOption('0:idee')
  expect(await seriousViolations(page, '[data-testid="carry-forward-dialog"]')).toEqual([])
  await dialog.getByTestId('carry-forward-submit').click()

  const done = page.getByTestId('carry-forward-done')
  await expect(done).toContainText('mit 5 übernommenen Notizen')
  await expect(done.getByTestId('carry-forward-series')).toHaveText('Teil der Reihe „Workshop 1“')
  // This board now shows its series too, with the new board as its neighbour.
  await expect(page.getByTestId('series-next')).toHaveText('Workshop 2 ›')
  const { boardId: nextId, token: nextToken } = parseBoardLink(new URL((await done.getByTestId('carry-forward-open').getAttribute('href'))!, server.url).href)
  await done.getByTestId('carry-forward-open').click()

  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await expect(page.locator('.board-top__title')).toHaveText('Workshop 2')
  const series = page.getByTestId('series-line')
  await expect(series).toContainText('Teil der Reihe „Workshop 1“')
  await expect(series.getByRole('link', { name: 'Voriges Board der Reihe: Workshop 1' })).toBeVisible()
  await page.getByTestId('template-jump').selectOption({ label: 'Fahrplan Digitalstrategie' })
  const labels = page.getByTestId('carried-label')
  // Zoomed out, each note says its rank and votes in short …
  await expect(labels.filter({ hasText: 'Rang 1 · 3 Punkte' })).toBeVisible()
  await expect(labels.filter({ hasText: 'Rang 2 · 2 Punkte' })).toBeVisible()
  await expect(labels.filter({ hasText: 'Rang 3 · 1 Punkt' })).toBeVisible()
  // … and at full size where it came from: the label of rank 1 sits on Glasfaser.
  await noteWithText(page, 'Glasfaser für alle Ortsteile').click()
  await page.keyboard.press('Shift+2')
  await expect(labels.filter({ hasText: 'aus Workshop 1, Rang 1 (3 Punkte)' })).toBeVisible()
  const rankOne = await labels.filter({ hasText: 'Rang 1' }).getAttribute('data-note-id')
  await expect(page.locator(`.tl-shape[data-shape-id="${rankOne}"]`)).toContainText('Glasfaser für alle Ortsteile')
  await expect(labels.filter({ hasText: 'aus Workshop 1, Rang 2 (2 Punkte)' })).toBeVisible()
  await page.mouse.move(5, 400)
  await page.screenshot({ path: screenshotPath(testInfo, 'carry-forward.png') })

  // A copy of a carried note is a note of this board: it does not claim the rank, and the server takes it.
  await page.keyboard.press('Control+d')
  await expect(noteWithText(page, 'Glasfaser für alle Ortsteile')).toHaveCount(2)
  await expect
    .poll(async () => {
      const records = [...readBoardRecords(await readBoardDoc(server.url, nextId, nextToken)).values()] as Array<{ type?: string; meta?: Record<string, unknown>; props?: { richText?: unknown } }>
      const copies = records.filter((record) => record.type === 'note' && richTextToPlain(record.props?.richText) === 'Glasfaser für alle Ortsteile')
      return copies.map((record) => CARRIED_FROM_META in (record.meta ?? {})).sort()
    })
    .toEqual([false, true])
  await expect(labels.filter({ hasText: 'Rang 1' })).toHaveCount(1)
  await expect(page.getByTestId('board-change-refused')).toHaveCount(0)
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  await page.keyboard.press('Escape')

  // The quick wins in the canvas's first field, with the votes they had.
  await page.getByTestId('template-jump').selectOption({ label: 'Projekt-Canvas' })
  await expect(labels.filter({ hasText: /^2 Punkte$/ })).toBeVisible()
  await expect(labels.filter({ hasText: /^1 Punkt$/ })).toBeVisible()

  // The start page groups both boards under their series, in the series' order.
  await page.goto(server.url)
  const group = page.getByTestId('recent-series')
  await expect(group.getByRole('heading')).toHaveText('Reihe „Workshop 1“')
  await expect(group.getByTestId('recent-board').locator('.recent__title')).toHaveText(['Workshop 1', 'Workshop 2'])
})
