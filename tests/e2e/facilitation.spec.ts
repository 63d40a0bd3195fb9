/**
 * A facilitator runs a session with two participants, each in a browser of their own:
 * summon, timer, a voting round from start to revealed results, follow-me, the freeze, and a
 * locked template that a participant cannot move.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readBoardRecords, readFacilitation, readTemplateInstances } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import { getTemplate, zoneCentre } from '@dorfplatz/templates'
import { expect, openBoard, test } from './boardFixtures.ts'
import { readBoardDoc, writeBoardRecords } from './boardDoc.ts'
import { screenshotPath, writeDocsExample } from './docsScreenshots.ts'

const VIEWPORT = { width: 1280, height: 800 }

async function frameBox(page: Page, frameId: string) {
  const box = await page.locator(`.tl-shape[data-shape-id="${frameId}"]`).boundingBox()
  if (!box) throw new Error(`frame ${frameId} is not rendered`)
  return box
}

/** Pans the view by (dx, dy) screen pixels with the mouse wheel, as on a trackpad. */
async function pan(page: Page, dx: number, dy: number): Promise<void> {
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2)
  await page.mouse.wheel(dx, dy)
}

test('a facilitator runs summon, a timer and a voting round with two participants', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Digitalstrategie Verbandsgemeinde', { templates: ['priority-matrix'], locale: 'de' })
  const { id: boardId } = board
  // Three notes in the matrix's quadrants, drawn above the template (a later index).
  const instance = readTemplateInstances(await readBoardDoc(server.url, boardId, board.tokens.viewer))[0]!
  const inZone = (zoneId: string, dx = 0) => {
    const centre = zoneCentre(getTemplate('priority-matrix').zones.find((zone) => zone.id === zoneId)!.area)
    return { x: instance.x + centre.x - 100 + dx, y: instance.y + centre.y - 100 }
  }
  const notes = [
    testNote('glasfaser', 'Glasfaser für alle Ortsteile', { ...inZone('grosse-vorhaben'), index: 'a5' }),
    testNote('dorfapp', 'Dorf-App für Vereine', { ...inZone('schnelle-erfolge', -120), index: 'a6' }),
    testNote('buergerbus', 'Bürgerbus am Samstag', { ...inZone('schnelle-erfolge', 120), index: 'a7' }),
  ]
  await writeBoardRecords(server.url, boardId, board.tokens.participant, notes)

  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const participants: Page[] = []
  for (const name of ['Bürgermeister Schmitt', 'Bürgermeisterin Jung']) {
    const other = await (await newBrowser()).newPage()
    await other.setViewportSize(VIEWPORT)
    await openBoard(other, board.links.participant, name)
    participants.push(other)
  }
  const [schmitt, jung] = participants as [Page, Page]

  // -- Who is here -------------------------------------------------------------------------
  await page.getByTestId('participants-button').click()
  const panel = page.getByTestId('participants-panel')
  await expect(panel.getByTestId('participant-item')).toHaveCount(3)
  await expect(panel.locator('[data-testid="participant-item"][data-name="Bürgermeister Schmitt"]')).toHaveAttribute(
    'data-role',
    'participant',
  )
  await expect(panel.locator('[data-testid="participant-item"][data-name="Moderatorin Weber"]')).toHaveAttribute(
    'data-role',
    'facilitator',
  )
  expect(
    (await new AxeBuilder({ page }).include('[data-testid="participants-panel"]').analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([])
  await page.screenshot({ path: screenshotPath(testInfo, 'participants-panel.png') })
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()

  // -- Alle zu mir ---------------------------------------------------------------------------
  const frameId = instance.frameId
  await pan(schmitt, -400, -250)
  const facilitatorView = await frameBox(page, frameId)
  await expect.poll(async () => Math.abs((await frameBox(schmitt, frameId)).x - facilitatorView.x)).toBeGreaterThan(100)
  await page.getByTestId('summon-button').click()
  await expect(schmitt.getByTestId('summon-notice')).toContainText('Moderatorin Weber')
  await expect
    .poll(async () => {
      const box = await frameBox(schmitt, frameId)
      return Math.max(Math.abs(box.x - facilitatorView.x), Math.abs(box.y - facilitatorView.y))
    })
    .toBeLessThan(20)

  // -- Timer ---------------------------------------------------------------------------------
  await page.getByTestId('timer-button').click()
  await page.getByTestId('timer-minutes-input').fill('5')
  await page.getByTestId('timer-start').click()
  for (const other of participants) {
    const display = other.getByTestId('timer-display')
    await expect(display).toHaveAttribute('data-status', 'running')
    const seconds = Number(await display.getAttribute('data-remaining-seconds'))
    expect(seconds).toBeGreaterThan(280)
    expect(seconds).toBeLessThanOrEqual(300)
  }
  await page.getByTestId('timer-pause').click()
  await expect(jung.getByTestId('timer-display')).toHaveAttribute('data-status', 'paused')
  // A reload shows the same paused time: it comes from the server, not from the browser.
  const pausedAt = await jung.getByTestId('timer-display').getAttribute('data-remaining-seconds')
  await jung.reload()
  await expect(jung.getByTestId('timer-display')).toHaveAttribute('data-remaining-seconds', pausedAt!)
  await page.getByTestId('timer-stop').click()
  await expect(schmitt.getByTestId('timer-display')).toHaveCount(0)
  if (await page.getByTestId('timer-dialog').isVisible()) await page.keyboard.press('Escape')

  // -- Dot voting ----------------------------------------------------------------------------
  await page.getByTestId('vote-start-button').click()
  const dialog = page.getByTestId('vote-dialog')
  await dialog.getByTestId('vote-title-input').fill('Was packen wir zuerst an?')
  await dialog.getByTestId('vote-dots-input').fill('2')
  await dialog.getByTestId('vote-scope-select').selectOption('all')
  await dialog.getByTestId('vote-start-submit').click()
  await expect(dialog).toBeHidden()

  const [glasfaser, dorfapp, buergerbus] = notes.map((note) => note.id as string) as [string, string, string]
  const add = (p: Page, shapeId: string) => p.locator(`[data-testid="vote-add"][data-shape-id="${shapeId}"]`)
  // The facilitator sees how many of the three people here who may vote have voted: counts only.
  await expect(page.getByTestId('voting-progress')).toHaveText('0 von 3 haben abgestimmt · 0 Punkte gesetzt')
  await expect(schmitt.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '2')
  await add(schmitt, glasfaser).click()
  await add(schmitt, glasfaser).click()
  await expect(schmitt.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '0')
  await expect(schmitt.locator(`[data-testid="my-dots"][data-shape-id="${glasfaser}"]`)).toHaveAttribute('data-count', '2')
  // The budget is spent: a third dot does not land.
  if (await add(schmitt, buergerbus).isEnabled()) await add(schmitt, buergerbus).click()
  await expect(schmitt.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '0')
  await expect(schmitt.locator(`[data-testid="my-dots"][data-shape-id="${buergerbus}"]`)).toHaveCount(0)
  // Taking back one of two dots on a note leaves the other one there.
  await schmitt.locator(`[data-testid="vote-remove"][data-shape-id="${glasfaser}"]`).click()
  await expect(schmitt.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '1')
  await expect(schmitt.locator(`[data-testid="my-dots"][data-shape-id="${glasfaser}"]`)).toHaveAttribute('data-count', '1')
  await add(schmitt, glasfaser).click()
  await expect(schmitt.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '0')

  await add(jung, glasfaser).click()
  await expect(jung.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '1')
  await add(jung, dorfapp).click()
  await expect(jung.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '0')
  await expect(page.getByTestId('voting-progress')).toHaveText('2 von 3 haben abgestimmt · 4 Punkte gesetzt')
  // Participants see how many have voted, not out of how many.
  await expect(jung.getByTestId('voting-progress')).toHaveText('2 Personen haben abgestimmt · 4 Punkte gesetzt')
  // Taking a dot back and placing it elsewhere.
  await jung.locator(`[data-testid="vote-remove"][data-shape-id="${dorfapp}"]`).click()
  await expect(jung.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '1')
  await add(jung, buergerbus).click()
  await expect(jung.getByTestId('voting-panel')).toHaveAttribute('data-remaining', '0')

  // Before the reveal nobody sees counts on the notes, the facilitator included.
  await expect(page.getByTestId('vote-count')).toHaveCount(0)
  await expect.poll(async () => readFacilitation(await readBoardDoc(server.url, boardId, board.tokens.viewer)).activeRound?.dotsCast).toBe(4)

  await page.getByTestId('reveal-button').click()
  await page.getByTestId('reveal-confirm').click()
  for (const viewer of [page, schmitt, jung]) {
    const results = viewer.getByTestId('results-panel')
    await expect(results).toBeVisible()
    await expect(results.getByTestId('results-item')).toHaveCount(2)
    await expect(results.getByTestId('results-item').first()).toHaveAttribute('data-shape-id', glasfaser)
    await expect(results.getByTestId('results-item').first()).toHaveAttribute('data-votes', '3')
    await expect(results.getByTestId('results-item').first()).toContainText('Glasfaser für alle Ortsteile')
    await expect(viewer.locator(`[data-testid="vote-count"][data-shape-id="${glasfaser}"]`)).toHaveText('3')
  }
  await page.screenshot({ path: screenshotPath(testInfo, 'revealed-results.png') })

  // The round stays on the board for the report, with totals and no ballots.
  const round = readFacilitation(await readBoardDoc(server.url, boardId, board.tokens.viewer)).rounds[0]!
  expect(round).toMatchObject({ title: 'Was packen wir zuerst an?', status: 'revealed', voters: 2, dotsCast: 4 })
  expect(round.results?.map((result) => [result.shapeId, result.votes])).toEqual([
    [glasfaser, 3],
    [buergerbus, 1],
  ])

  // The results report lists the notes by quadrant with these votes.
  const report = await fetch(`${server.url}/api/boards/${boardId}/report.md`, {
    headers: { authorization: `Bearer ${board.tokens.facilitator}` },
  })
  const markdown = await report.text()
  expect(markdown).toContain('### Große Vorhaben\n\n| Rang | Notiz | Punkte |\n|---:|---|---:|\n| 1 | Glasfaser für alle Ortsteile | 3 |')
  expect(markdown).toContain('| 1 | Bürgerbus am Samstag | 1 |\n| 2 | Dorf-App für Vereine | 0 |')
  writeDocsExample('ergebnisprotokoll.md', markdown)
})

test('follow-me, the freeze, and a template a participant cannot move', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Klausur Gemeinderat', { templates: ['swot'], locale: 'de' })
  await page.setViewportSize(VIEWPORT)
  await openBoard(page, board.links.facilitator, 'Moderator Klein')
  const participant = await (await newBrowser()).newPage()
  await participant.setViewportSize(VIEWPORT)
  await openBoard(participant, board.links.participant, 'Ortsbürgermeisterin Roth')
  const doc = await readBoardDoc(server.url, board.id, board.tokens.viewer)
  const frameId = readTemplateInstances(doc)[0]!.frameId
  const frameBefore = readBoardRecords(doc).get(frameId)

  // -- The locked template -------------------------------------------------------------------
  const box = await frameBox(participant, frameId)
  await participant.mouse.move(box.x + box.width / 2, box.y + box.height / 3)
  await participant.mouse.down()
  await participant.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 3 + 120, { steps: 10 })
  await participant.mouse.up()
  await participant.keyboard.press('Delete')
  expect(readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer)).get(frameId)).toEqual(frameBefore)
  // The participant's client did not even try: it is still connected.
  await expect(participant.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')

  // Only the facilitator can unlock it and move a part of it; the participant still cannot.
  const structure = async () =>
    JSON.stringify(
      [...readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer)).values()].filter((record) =>
        JSON.stringify(record).includes('"role":"structure"'),
      ),
    )
  const structureBefore = await structure()
  await expect(participant.getByTestId('template-lock-button')).toHaveCount(0)
  const lockButton = page.getByTestId('template-lock-button')
  await expect(lockButton).toHaveText('Vorlagen entsperren')
  await lockButton.click()
  await expect(lockButton).toHaveText('Vorlagen sperren')
  await expect.poll(structure).not.toBe(structureBefore)
  const unlocked = await structure()
  const participantBox = await frameBox(participant, frameId)
  await participant.mouse.move(participantBox.x + participantBox.width / 2, participantBox.y + participantBox.height / 3)
  await participant.mouse.down()
  await participant.mouse.move(participantBox.x + participantBox.width / 2 - 150, participantBox.y + 40, { steps: 10 })
  await participant.mouse.up()
  expect(await structure()).toBe(unlocked)
  await expect(participant.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  const facilitatorBox = await frameBox(page, frameId)
  await page.mouse.move(facilitatorBox.x + facilitatorBox.width / 2, facilitatorBox.y + facilitatorBox.height / 3)
  await page.mouse.down()
  await page.mouse.move(facilitatorBox.x + facilitatorBox.width / 2 - 150, facilitatorBox.y + 40, { steps: 10 })
  await page.mouse.up()
  await expect.poll(structure).not.toBe(unlocked)
  await page.keyboard.press('Escape')
  await lockButton.click()
  await expect(lockButton).toHaveText('Vorlagen entsperren')

  // -- Follow me -----------------------------------------------------------------------------
  await page.getByTestId('follow-button').click()
  await expect(page.getByTestId('follow-button')).toHaveText('Folgen beenden')
  const banner = participant.getByTestId('follow-banner')
  await expect(banner).toHaveAttribute('data-state', 'following')
  await expect(banner).toContainText('Moderator Klein')
  const presenterBefore = await frameBox(page, frameId)
  await pan(page, 300, 200)
  await expect.poll(async () => Math.abs((await frameBox(page, frameId)).x - presenterBefore.x)).toBeGreaterThan(100)
  const presenterView = await frameBox(page, frameId)
  await expect
    .poll(async () => {
      const seen = await frameBox(participant, frameId)
      return Math.max(Math.abs(seen.x - presenterView.x), Math.abs(seen.y - presenterView.y))
    })
    .toBeLessThan(20)
  // One way out for the participant, in Dorfplatz's words; tldraw's own button beside it is gone.
  await expect(participant.getByTestId('follow-leave')).toHaveText('Nicht mehr folgen')
  await expect(participant.getByTestId('helper-buttons.stop-following')).toBeHidden()
  await participant.getByTestId('follow-leave').click()
  await expect(banner).toHaveAttribute('data-state', 'stepped-out')
  await participant.getByTestId('follow-rejoin').click()
  await expect(banner).toHaveAttribute('data-state', 'following')
  await page.getByTestId('follow-button').click()
  await expect(banner).toHaveCount(0)

  // -- Freeze --------------------------------------------------------------------------------
  const freezeIcon = page.getByTestId('freeze-button').locator('svg path')
  const pauseDrawing = await freezeIcon.getAttribute('d')
  await page.getByTestId('freeze-button').click()
  await expect(participant.getByTestId('freeze-banner')).toBeVisible()
  // "Board freigeben" shows what it does next, by its text and by its icon: no longer the pause sign.
  await expect(page.getByTestId('freeze-button')).toHaveText('Board freigeben')
  await expect(freezeIcon).not.toHaveAttribute('d', pauseDrawing!)
  await participant.locator('.tl-canvas').click({ position: { x: 40, y: 700 } })
  await participant.keyboard.press('n')
  await participant.mouse.click(200, 650)
  await participant.keyboard.type('Während der Präsentation')
  await participant.keyboard.press('Escape')
  const notesNow = async () =>
    [...readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer)).values()].filter(
      (record) => (record as { type?: string }).type === 'note',
    ).length
  expect(await notesNow()).toBe(0)

  await page.getByTestId('freeze-button').click()
  await expect(participant.getByTestId('freeze-banner')).toHaveCount(0)
  await participant.locator('.tl-canvas').click({ position: { x: 40, y: 700 } })
  await participant.keyboard.press('n')
  await participant.mouse.click(200, 650)
  await participant.keyboard.type('Nach der Präsentation')
  await participant.keyboard.press('Escape')
  await expect.poll(notesNow).toBe(1)
})
