/**
 * A workshop run from the run-sheet alone, in real Chromium: a facilitator plans three steps
 * (silent brainstorming in the idea collection, looking at what came out, a voting round) and
 * runs them with "Nächster Schritt"; two mayors write privately in the first step, each seeing
 * only their own note, the second step reveals both for everyone, the third opens the vote.
 */
import type { Page } from '@playwright/test'
import { readFacilitation, readTemplateInstances } from '@dorfplatz/board'
import { expect, openBoard, test } from './boardFixtures.ts'
import { readBoardDoc } from './boardDoc.ts'
import { addNote, noteWithText } from './notes.ts'

/** Adds a step at the end of the open run-sheet dialog and returns it. */
async function addStep(page: Page, title: string, minutes: number) {
  const dialog = page.getByTestId('runsheet-dialog')
  await dialog.getByTestId('runsheet-add').click()
  const step = dialog.getByTestId('runsheet-step').last()
  await expect(step.getByTestId('runsheet-step-title')).toBeFocused()
  await page.keyboard.type(title)
  await step.getByTestId('runsheet-step-minutes').fill(String(minutes))
  return step
}

/** A point inside the template's frame, as a share of its width and height, in canvas coordinates. */
async function inFrame(page: Page, frameId: string, share: { x: number; y: number }) {
  const box = await page.locator(`.tl-shape[data-shape-id="${frameId}"]`).boundingBox()
  const canvas = await page.locator('.tl-canvas').boundingBox()
  if (!box || !canvas) throw new Error('the template frame is not on screen')
  return { x: box.x - canvas.x + box.width * share.x, y: box.y - canvas.y + box.height * share.y }
}

test('a facilitator runs private brainstorming, its reveal and a vote from the run-sheet alone', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(150_000)
  const board = await server.createBoard('Workshop 1: Ideen für die VG', { templates: ['idea-collection'], locale: 'de' })
  const ideas = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))[0]!

  await openBoard(page, board.links.facilitator, 'Moderatorin Weber')
  const mayors: Page[] = []
  for (const name of ['Bürgermeister Schmitt', 'Bürgermeisterin Jung']) {
    const mayor = await (await newBrowser()).newPage()
    await openBoard(mayor, board.links.participant, name)
    mayors.push(mayor)
  }
  const [schmitt, jung] = mayors as [Page, Page]

  // -- Plan: three steps, nothing clicked together by hand -------------------------------------
  await page.getByTestId('runsheet-button').click()
  const dialog = page.getByTestId('runsheet-dialog')
  const silent = await addStep(page, 'Ideen still sammeln', 8)
  await silent.getByTestId('runsheet-step-place').selectOption(`${ideas.instanceId}/*`)
  await silent.getByTestId('runsheet-action-private').check()
  await silent.getByLabel('Titel der stillen Runde').fill('Was bringt unser Dorf digital voran?')
  await silent.getByTestId('runsheet-private-scope').selectOption(`${ideas.instanceId}/*`)
  const look = await addStep(page, 'Ideen ansehen', 5)
  await look.getByTestId('runsheet-action-timer').uncheck()
  const vote = await addStep(page, 'Punkte vergeben', 5)
  await vote.getByTestId('runsheet-action-voting').check()
  await vote.getByTestId('runsheet-voting-title').fill('Was packen wir zuerst an?')
  await vote.getByTestId('runsheet-voting-scope').selectOption(`${ideas.instanceId}/*`)
  await dialog.getByTestId('runsheet-save').click()
  await expect(dialog.getByTestId('runsheet-status')).toHaveText('Der Ablauf ist gespeichert.')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // -- Step 1: everyone writes on their own ----------------------------------------------------
  const next = page.getByTestId('next-step-button')
  await next.click()
  for (const view of [page, schmitt, jung]) {
    await expect(view.getByTestId('private-round-banner')).toContainText('Was bringt unser Dorf digital voran?')
  }
  await expect(schmitt.getByTestId('agenda-panel').getByTestId('agenda-step').nth(0)).toHaveAttribute('data-status', 'current')
  await addNote(schmitt, 'Schnelles Internet im Gewerbegebiet', await inFrame(schmitt, ideas.frameId, { x: 0.5, y: 0.4 }))
  await addNote(jung, 'Online-Bürgerbüro', await inFrame(jung, ideas.frameId, { x: 0.2, y: 0.75 }))
  for (const view of [page, schmitt, jung]) await expect(view.getByTestId('private-round-counts')).toHaveText('Bisher 2 Notizen von 2 Personen.')
  await expect(noteWithText(schmitt, 'Schnelles Internet im Gewerbegebiet').getByTestId('note-private-badge')).toBeVisible()
  await expect(noteWithText(jung, 'Schnelles Internet im Gewerbegebiet')).toHaveCount(0)
  await expect(noteWithText(schmitt, 'Online-Bürgerbüro')).toHaveCount(0)
  await expect(noteWithText(page, 'Schnelles Internet im Gewerbegebiet')).toHaveCount(0)
  await expect(noteWithText(page, 'Online-Bürgerbüro')).toHaveCount(0)

  // -- Step 2: "Nächster Schritt" reveals every note for everyone ------------------------------
  await next.click()
  for (const view of [page, schmitt, jung]) {
    await expect(view.getByTestId('private-round-banner')).toHaveCount(0)
    await expect(noteWithText(view, 'Schnelles Internet im Gewerbegebiet')).toBeVisible()
    await expect(noteWithText(view, 'Online-Bürgerbüro')).toBeVisible()
  }
  await expect(jung.getByTestId('agenda-panel').getByTestId('agenda-step').nth(1)).toHaveAttribute('data-status', 'current')

  // -- Step 3: the vote opens on the revealed notes --------------------------------------------
  await next.click()
  await expect(schmitt.getByTestId('agenda-panel').getByTestId('agenda-step').nth(2)).toHaveAttribute('data-status', 'current')
  await expect.poll(async () => readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer)).activeRound?.title).toBe('Was packen wir zuerst an?')
  const state = readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer))
  expect(state.lastPrivateReveal).toMatchObject({ notes: 2, people: 2 })
  expect(state.runSheet.steps.map((step) => step.status)).toEqual(['done', 'done', 'current'])
})
