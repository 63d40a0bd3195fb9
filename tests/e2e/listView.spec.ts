/**
 * The Listenansicht: a participant takes part in a workshop by keyboard alone, without one
 * pointer event: the skip link, two notes written into two zones, one moved, dots placed and
 * one taken back, the revealed result read in the list; another browser sees the notes on its
 * canvas in the right zones. The board's one live region says what others do (timer, voting,
 * freeze, summon, new notes in the zone one is in), and axe finds nothing in the list in German
 * and English.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { getRecordsMap, readBoardRecords, readFacilitation, readTemplateInstances, type TemplateInstance } from '@dorfplatz/board'
import { testNote } from '@dorfplatz/board/testing'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { getTemplate, votableNoteIds, zoneCentre, type TemplateId } from '@dorfplatz/templates'
import { expect, openBoard, test, type DorfplatzServer } from './boardFixtures.ts'
import { connectBoardClient, readBoardDoc } from './boardDoc.ts'
import { screenshotPath } from './docsScreenshots.ts'
import { noteWithText } from './notes.ts'

/** Every pointer-made event the page receives, recorded before any of its scripts runs. */
function recordPointerEvents(): void {
  const seen: string[] = []
  ;(window as unknown as { dorfplatzPointerEvents: string[] }).dorfplatzPointerEvents = seen
  const record = (event: Event) => {
    if (!event.isTrusted) return
    // A click made by Enter or Space is a PointerEvent with no pointer type; one made by a pointer has one.
    if (event.type === 'click' && event instanceof PointerEvent && event.pointerType === '') return
    seen.push(`${event.type} on ${(event.target as Element | null)?.tagName ?? '?'}`)
  }
  for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'touchstart', 'wheel']) {
    window.addEventListener(type, record, { capture: true })
  }
}

async function pointerEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { dorfplatzPointerEvents: string[] }).dorfplatzPointerEvents)
}

/** Presses Tab until `target` has the focus, as a keyboard user does; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

async function facilitate(server: DorfplatzServer, board: CreatedBoard, method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
  const response = await fetch(`${server.url}/api/boards/${board.id}/${path}`, {
    method,
    headers: { authorization: `Bearer ${board.tokens.facilitator}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true)
  return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>)
}

async function openRound(server: DorfplatzServer, board: CreatedBoard, instance: TemplateInstance, title: string): Promise<string> {
  const answer = await facilitate(server, board, 'POST', 'rounds', { title, dotsPerPerson: 2, scope: { kind: 'template', instanceId: instance.instanceId } })
  return (answer!.round as { id: string }).id
}

/** Opens a board link by keyboard: the name typed into the first-visit dialog, Enter. */
async function openBoardByKeyboard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  await expect(page.getByTestId('name-input')).toBeFocused()
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('name-dialog')).toBeHidden()
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
}

const listNote = (page: Page, text: string) => page.getByTestId('list-note').filter({ hasText: text })
const listZone = (page: Page, name: string) => page.getByTestId('list-zone').filter({ has: page.getByRole('heading', { level: 3, name }) })

/** The id of the zone each note's centre lies in on the board as the server has it. */
async function zoneOfNotes(server: DorfplatzServer, board: CreatedBoard, instance: TemplateInstance): Promise<Map<string, string>> {
  const doc = await readBoardDoc(server.url, board.id, board.tokens.viewer)
  const byId = readBoardRecords(doc)
  const zones = new Map<string, string>()
  for (const zone of getTemplate(instance.templateId as TemplateId).zones) {
    for (const id of votableNoteIds(byId, readTemplateInstances(doc), { kind: 'zone', instanceId: instance.instanceId, zoneId: zone.id })) {
      const record = byId.get(id) as { props: { richText: unknown } }
      zones.set(JSON.stringify(record.props.richText), zone.id)
    }
  }
  return zones
}

test('a participant works through a workshop in the list view by keyboard alone', async ({ page, server, newBrowser }, testInfo) => {
  testInfo.setTimeout(180_000)
  const board = await server.createBoard('Dorfentwicklung Musterhausen', { templates: ['swot'], locale: 'de' })
  const instance = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))[0]!

  // The facilitator's laptop, with the canvas, a mouse and all.
  const facilitator = await (await newBrowser({ locale: 'de-DE', viewport: { width: 1280, height: 800 } })).newPage()
  await openBoard(facilitator, board.links.facilitator, 'Moderatorin Weber')

  await page.addInitScript(recordPointerEvents)
  await openBoardByKeyboard(page, board.links.participant, 'Bürgermeister Schmitt')
  const announcement = page.getByTestId('board-announcement')
  await expect(announcement).toHaveAttribute('aria-live', 'polite')

  await test.step('the skip link is the first stop of the keyboard and opens the list', async () => {
    await page.keyboard.press('Tab')
    const skip = page.getByTestId('list-view-skip-link')
    await expect(skip).toBeFocused()
    await expect(skip).toHaveText('Zur Listenansicht springen')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('list-view')).toBeFocused()
    await expect(page.getByTestId('list-view-toggle')).toHaveAccessibleName('Zeichenfläche')
    await expect(page.getByRole('heading', { level: 2, name: 'SWOT-Analyse' })).toBeVisible()
    const zones = await page.getByRole('heading', { level: 3 }).allInnerTexts()
    expect(zones.map((zone) => zone.split('\n')[0])).toEqual(['Stärken', 'Schwächen', 'Chancen', 'Risiken'])
    await expect(page.getByRole('heading', { level: 2, name: 'Weitere Notizen' })).toBeVisible()
  })

  await test.step('two notes go into two zones', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Notiz in Stärken schreiben' }))
    await page.keyboard.press('Enter')
    await expect(page.getByLabel('Neue Notiz in Stärken')).toBeFocused()
    await page.keyboard.type('Schnelles Internet im Rathaus')
    await tabTo(page, page.getByRole('button', { name: 'Notiz anheften' }), 3)
    await page.keyboard.press('Enter')
    await expect(announcement).toContainText('In „Stärken“ (SWOT-Analyse) angeheftet')
    await expect(listZone(page, 'Stärken').getByTestId('list-note-text')).toHaveText(['Schnelles Internet im Rathaus'])
    await expect(page.getByLabel('Neue Notiz in Stärken')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('button', { name: 'Notiz in Stärken schreiben' })).toBeFocused()

    await tabTo(page, page.getByRole('button', { name: 'Notiz in Chancen schreiben' }))
    await page.keyboard.press('Enter')
    await page.keyboard.type('Förderprogramm Digitale Dörfer')
    await page.keyboard.press('Control+Enter')
    await expect(announcement).toContainText('In „Chancen“ (SWOT-Analyse) angeheftet')
    await expect(listZone(page, 'Chancen').getByTestId('list-note-text')).toHaveText(['Förderprogramm Digitale Dörfer'])
    await expect(listNote(page, 'Schnelles Internet')).toContainText('von Bürgermeister Schmitt')
  })

  await test.step('one note moves to another zone', async () => {
    const note = listNote(page, 'Schnelles Internet im Rathaus')
    await tabTo(page, note.getByLabel('Verschieben nach …'), 120)
    // Typing picks an option of a closed select, as arrow keys do; nothing moves until the button.
    await page.keyboard.type('Schw')
    await expect(note.getByLabel('Verschieben nach …')).toHaveValue(`${instance.instanceId}/schwaechen`)
    await expect(listZone(page, 'Stärken').getByTestId('list-note')).toHaveCount(1)
    await page.keyboard.press('Tab')
    await expect(note.getByRole('button', { name: 'Verschieben', exact: true })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(listZone(page, 'Schwächen').getByTestId('list-note-text')).toHaveText(['Schnelles Internet im Rathaus'])
    await expect(listZone(page, 'Stärken').getByTestId('list-note')).toHaveCount(0)
    await expect(announcement).toContainText('Nach „Schwächen“ verschoben.')
    await expect(listZone(page, 'Schwächen').getByTestId('list-note-text')).toBeFocused()
  })

  await test.step('the other browser shows both notes on its canvas, in their zones', async () => {
    await expect(noteWithText(facilitator, 'Schnelles Internet im Rathaus')).toBeVisible()
    await expect(noteWithText(facilitator, 'Förderprogramm Digitale Dörfer')).toBeVisible()
    await expect
      .poll(async () => [...(await zoneOfNotes(server, board, instance)).values()].sort())
      .toEqual(['chancen', 'schwaechen'])
    const zones = await zoneOfNotes(server, board, instance)
    expect([...zones].map(([text, zone]) => [text.includes('Förderprogramm') ? 'förder' : 'internet', zone]).sort()).toEqual([
      ['förder', 'chancen'],
      ['internet', 'schwaechen'],
    ])
  })

  const title = 'Was packen wir zuerst an?'
  const roundId = await test.step('dots are placed and one taken back while a round is open', async () => {
    const id = await openRound(server, board, instance, title)
    await expect(announcement).toContainText(`Die Abstimmung „${title}“ läuft.`)
    await expect(page.getByTestId('list-round')).toContainText(`Abstimmung läuft: ${title}`)
    await expect(page.getByTestId('list-round-remaining')).toHaveText('Noch 2 von 2 Punkten')
    const chance = listNote(page, 'Förderprogramm Digitale Dörfer')
    const add = chance.getByRole('button', { name: 'Punkt setzen' })
    await tabTo(page, add, 120)
    await page.keyboard.press('Enter')
    await expect(chance.getByTestId('list-my-dots')).toHaveText('1 Punkt von Ihnen')
    await page.keyboard.press('Enter')
    await expect(chance.getByTestId('list-my-dots')).toHaveText('2 Punkte von Ihnen')
    await expect(page.getByTestId('list-round-remaining')).toHaveText('Noch 0 von 2 Punkten')
    // The budget is the server's: a third dot is refused and said so.
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('list-round-message')).toContainText('Sie haben alle 2 Punkte gesetzt.')
    await page.keyboard.press('Tab')
    await expect(chance.getByRole('button', { name: 'Punkt zurücknehmen' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(chance.getByTestId('list-my-dots')).toHaveText('1 Punkt von Ihnen')
    // A dot also on the other note, in the round's template.
    const internet = listNote(page, 'Schnelles Internet im Rathaus')
    await tabTo(page, internet.getByRole('button', { name: 'Punkt setzen' }), 120)
    await page.keyboard.press('Enter')
    await expect(internet.getByTestId('list-my-dots')).toHaveText('1 Punkt von Ihnen')
    await expect(page.getByTestId('list-round-remaining')).toHaveText('Noch 0 von 2 Punkten')
    return id
  })

  await test.step('the revealed result reads in the list', async () => {
    await facilitate(server, board, 'POST', `rounds/${roundId}/reveal`, {})
    await expect(announcement).toContainText(`Das Ergebnis der Abstimmung „${title}“ ist da.`)
    await expect(page.getByTestId('list-view-result')).toHaveText(`Ergebnis der Abstimmung „${title}“: Die Punkte stehen bei den Notizen.`)
    await expect(listNote(page, 'Förderprogramm').getByTestId('list-note-facts')).toHaveText('von Bürgermeister Schmitt · 1 Punkt')
    await expect(listNote(page, 'Schnelles Internet').getByTestId('list-note-facts')).toHaveText('von Bürgermeister Schmitt · 1 Punkt')
    await expect(page.getByTestId('list-vote')).toHaveCount(0)
    const results = readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer)).rounds[0]!.results!
    expect(results.map((result) => result.votes)).toEqual([1, 1])
    await page.screenshot({ path: testInfo.outputPath('list-view-result.png') })
  })

  expect(await pointerEvents(page), 'no pointer event reached the page').toEqual([])
})

test('the list edits and deletes notes, keeps guests and a halted board read-only, and switches back', async ({ page, server, newBrowser }) => {
  {
    const board = await server.createBoard('Rückblick Workshop 1', { templates: ['swot'], locale: 'de' })
    const instance = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))[0]!
    const strengths = getTemplate('swot').zones.find((zone) => zone.id === 'staerken')!
    const centre = zoneCentre(strengths.area)
    const { doc, provider } = await connectBoardClient(server.url, board.id, board.tokens.participant)
    getRecordsMap(doc).set('shape:vorab', testNote('vorab', 'Gute Vereinsarbeit', { x: instance.x + centre.x - 100, y: instance.y + centre.y - 100, index: 'a5' }) as never)

    await page.addInitScript(recordPointerEvents)
    await openBoard(page, board.links.participant, 'Bürgermeisterin Berg')
    await page.getByTestId('list-view-toggle').click()
    // The record the keyboard test relies on does see a mouse.
    expect(await pointerEvents(page)).toEqual(expect.arrayContaining(['pointerdown on BUTTON', 'mousedown on BUTTON', 'click on BUTTON']))
    const note = listNote(page, 'Gute Vereinsarbeit')
    await expect(note).toBeVisible()

    await note.getByTestId('list-note-edit').click()
    const field = note.getByTestId('list-note-edit-text')
    await expect(field).toBeFocused()
    await field.fill('Sehr gute Vereinsarbeit')
    await note.getByTestId('list-note-save').click()
    await expect(listNote(page, 'Sehr gute Vereinsarbeit').getByTestId('list-note-text')).toBeFocused()
    await expect.poll(async () => JSON.stringify(readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer)).get('shape:vorab'))).toContain('Sehr gute Vereinsarbeit')

    // A guest reads the same list, without a control to change it.
    const guest = await (await newBrowser({ locale: 'de-DE' })).newPage()
    await guest.goto(board.links.viewer)
    await guest.getByTestId('list-view-toggle').click()
    await expect(listNote(guest, 'Sehr gute Vereinsarbeit')).toBeVisible()
    await expect(guest.getByTestId('list-view').getByRole('button')).toHaveCount(0)
    await expect(guest.getByTestId('list-view').getByRole('combobox')).toHaveCount(0)

    // Halted: participants read, as on the canvas.
    await facilitate(server, board, 'PUT', 'freeze', { name: 'Moderatorin Weber' })
    await expect(page.getByTestId('list-view-readonly')).toContainText('Die Moderation hat das Board angehalten.')
    await expect(page.getByTestId('list-note-edit')).toHaveCount(0)
    await expect(page.getByTestId('list-write')).toHaveCount(0)
    await facilitate(server, board, 'DELETE', 'freeze')
    await expect(page.getByTestId('list-note-edit')).toHaveCount(1)

    // Deleting asks once more; the focus goes to the zone's heading after it.
    const edited = listNote(page, 'Sehr gute Vereinsarbeit')
    await edited.getByTestId('list-note-delete').click()
    await expect(edited.getByTestId('list-note-delete-confirm')).toBeFocused()
    await edited.getByTestId('list-note-delete-confirm').click()
    await expect(page.getByTestId('list-note')).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 3, name: /^Stärken/ })).toBeFocused()
    await expect(page.getByTestId('board-announcement')).toContainText('Notiz gelöscht.')
    await expect.poll(async () => readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer)).has('shape:vorab')).toBe(false)
    await expect(guest.getByTestId('list-note')).toHaveCount(0)

    // Back to the canvas; the browser remembers the choice for the next visit.
    await page.getByTestId('list-view-toggle').click()
    await expect(page.getByTestId('list-view')).toHaveCount(0)
    await expect(page.getByTestId('list-view-toggle')).toHaveAccessibleName('Listenansicht')
    await page.getByTestId('list-view-toggle').click()
    await page.reload()
    await expect(page.getByTestId('list-view')).toBeVisible()
    provider.destroy()
  }
})
