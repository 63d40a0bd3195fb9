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
import { commentKey, getCommentsMap, getRecordsMap, readBoardRecords, threadKey, readFacilitation, readTemplateInstances, type TemplateInstance } from '@dorfplatz/board'
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

/** From now on, records every text the board's live region shows, in order. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="board-announcement"]')!
    const said: string[] = []
    ;(window as unknown as { dorfplatzSaid: string[] }).dorfplatzSaid = said
    new MutationObserver(() => {
      if (region.textContent) said.push(region.textContent)
    }).observe(region, { childList: true, characterData: true, subtree: true })
  })
}

async function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { dorfplatzSaid: string[] }).dorfplatzSaid)
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
    // Selected on the canvas before the switch: keys pressed in the list never reach it there.
    await noteWithText(page, 'Gute Vereinsarbeit').click()
    await page.mouse.move(5, 400)
    // The authors' line stands beside the selected shape.
    await expect(page.getByTestId('shape-authors')).toBeVisible()
    await page.getByTestId('list-view-toggle').click()
    await listNote(page, 'Gute Vereinsarbeit').getByTestId('list-note-edit').focus()
    await page.keyboard.press('Delete')
    await page.keyboard.press('Backspace')
    await expect(listNote(page, 'Gute Vereinsarbeit')).toHaveCount(1)
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

    // Comments are counted once there are any.
    await expect(listNote(page, 'Sehr gute Vereinsarbeit').getByTestId('list-note-facts')).toHaveText('von einer teilnehmenden Person')
    doc.transact(() => {
      getCommentsMap(doc).set(threadKey('t1'), { noteId: 'shape:vorab', resolved: false })
      getCommentsMap(doc).set(commentKey('c1'), { thread: 't1', text: 'Welche Vereine?', at: Date.now() })
      getCommentsMap(doc).set(commentKey('c2'), { thread: 't1', text: 'Alle drei Sportvereine.', at: Date.now() + 1 })
    })
    await expect(listNote(page, 'Sehr gute Vereinsarbeit').getByTestId('list-note-facts')).toHaveText('von einer teilnehmenden Person · 2 Kommentare')

    // A guest reads the same list, without a control to change it: its one button opens the comments to read.
    const guest = await (await newBrowser({ locale: 'de-DE' })).newPage()
    await guest.goto(board.links.viewer)
    await guest.getByTestId('list-view-toggle').click()
    await expect(listNote(guest, 'Sehr gute Vereinsarbeit')).toBeVisible()
    await expect(guest.getByTestId('list-view').getByRole('button')).toHaveText(['Kommentare (2)'])
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

test('the live region says what others do: timer, voting, halt, summon and new notes in the zone one is in', async ({ page, server }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Ansagen', { templates: ['swot'], locale: 'de' })
  const doc = await readBoardDoc(server.url, board.id, board.tokens.viewer)
  const instance = readTemplateInstances(doc)[0]!
  const pageId = [...readBoardRecords(doc).keys()].find((id) => id.startsWith('page:'))!

  await openBoardByKeyboard(page, board.links.participant, 'Bürgermeister Schmitt')
  const announcement = page.getByTestId('board-announcement')
  await expect(announcement).toHaveClass(/visually-hidden/)
  await expect(announcement).toHaveAttribute('aria-live', 'polite')
  // Nothing is said before anything happens.
  await expect(announcement).toHaveText('')

  await recordAnnouncements(page)
  await facilitate(server, board, 'POST', 'timer', { action: 'start', durationMs: 5 * 60_000 })
  await expect(announcement).toHaveText('Der Timer läuft: 5 Minuten.')
  // Paused, resumed and extended: the same countdown, no new start.
  await facilitate(server, board, 'POST', 'timer', { action: 'pause' })
  await facilitate(server, board, 'POST', 'timer', { action: 'resume' })
  await facilitate(server, board, 'POST', 'timer', { action: 'add', ms: 60_000 })
  await expect(page.getByTestId('timer-display')).toContainText('06:')
  // A minute and a second: its last minute begins a second later.
  await facilitate(server, board, 'POST', 'timer', { action: 'stop' })
  await facilitate(server, board, 'POST', 'timer', { action: 'start', durationMs: 61_000 })
  await expect(announcement).toContainText('Der Timer läuft: 1 Minute.')
  await expect(announcement).toHaveText('Noch eine Minute.')
  expect((await announcements(page)).filter((text) => text.includes('Timer'))).toEqual(['Der Timer läuft: 5 Minuten.', 'Der Timer läuft: 1 Minute.'])
  await facilitate(server, board, 'POST', 'timer', { action: 'stop' })

  const roundId = await openRound(server, board, instance, 'Was zuerst?')
  await expect(announcement).toHaveText('Die Abstimmung „Was zuerst?“ läuft.')
  await facilitate(server, board, 'POST', `rounds/${roundId}/reveal`, {})
  await expect(announcement).toHaveText('Das Ergebnis der Abstimmung „Was zuerst?“ ist da.')

  await facilitate(server, board, 'PUT', 'freeze', { name: 'Moderatorin Weber' })
  await expect(announcement).toHaveText('Die Moderation hat das Board angehalten. Sie können gerade nur schauen, nichts verändern.')
  await facilitate(server, board, 'DELETE', 'freeze')
  await expect(announcement).toHaveText('Die Moderation hat das Board freigegeben. Sie können wieder schreiben und verschieben.')

  await facilitate(server, board, 'POST', 'summon', { pageId, bounds: { x: 0, y: 0, w: 800, h: 600 }, userId: 'user:moderation', name: 'Moderatorin Weber' })
  await expect(announcement).toHaveText('Moderatorin Weber hat alle zu sich geholt')

  // In the list, the focus in Stärken: notes others add there are counted, at most every five seconds.
  await page.getByTestId('list-view-toggle').press('Enter')
  await tabTo(page, page.getByRole('button', { name: 'Notiz in Stärken schreiben' }))
  const strengths = getTemplate('swot').zones.find((zone) => zone.id === 'staerken')!
  const chances = getTemplate('swot').zones.find((zone) => zone.id === 'chancen')!
  const at = (zone: typeof strengths, dx: number) => {
    const centre = zoneCentre(zone.area)
    return { x: instance.x + centre.x - 100 + dx, y: instance.y + centre.y - 100 }
  }
  const other = await connectBoardClient(server.url, board.id, board.tokens.participant)
  const records = getRecordsMap(other.doc)
  for (const [index, id] of ['a', 'b', 'c'].entries()) {
    records.set(`shape:${id}`, testNote(id, `Idee ${id}`, { ...at(strengths, (index - 1) * 30), index: `a${index + 5}` }) as never)
  }
  // Elsewhere: not news for someone in Stärken.
  records.set('shape:d', testNote('d', 'Anderswo', { ...at(chances, 0), index: 'a9' }) as never)
  await expect(announcement).toHaveText('3 neue Notizen in Stärken')
  const firstAt = Date.now()
  records.set('shape:e', testNote('e', 'Noch eine', { ...at(strengths, 60), index: 'aA' }) as never)
  await expect(announcement).toHaveText('Eine neue Notiz in Stärken', { timeout: 12_000 })
  expect(Date.now() - firstAt, 'five seconds at least between two announcements of new notes').toBeGreaterThanOrEqual(4_500)

  // Someone's own notes are not news to them: all the region says until it falls silent is where the note went.
  await recordAnnouncements(page)
  await page.keyboard.press('Enter')
  await page.keyboard.type('Meine eigene')
  await page.keyboard.press('Control+Enter')
  await expect(announcement).toHaveText('In „Stärken“ (SWOT-Analyse) angeheftet')
  await expect(announcement).toHaveText('', { timeout: 15_000 })
  expect(await announcements(page)).toEqual([
    'In „Stärken“ (SWOT-Analyse) angeheftet',
  ])

  // In English, the same region speaks English.
  await page.getByTestId('language-switch').press('Enter')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await facilitate(server, board, 'PUT', 'freeze', { name: 'Moderatorin Weber' })
  await expect(announcement).toHaveText('The facilitator has paused the board. For now you can only look, not change anything.')
  other.provider.destroy()
})

/** Every axe violation (of any impact, WCAG 2.1 A and AA) inside the list view and the top bar's switch. */
async function listViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="list-view"]')
    .include('[data-testid="list-view-toggle"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

test('the list view has no accessibility violations, in German and English', async ({ page, server }, testInfo) => {
  testInfo.setTimeout(120_000)
  const board = await server.createBoard('Digitalstrategie VG Musterhausen', { templates: ['swot', 'priority-matrix'], locale: 'de' })
  const doc = await readBoardDoc(server.url, board.id, board.tokens.viewer)
  const [swot, matrix] = readTemplateInstances(doc) as [TemplateInstance, TemplateInstance]
  const notes = [
    ['staerken', 'Aktive Vereine in allen Ortsteilen', -110],
    ['staerken', 'Bürgerbus mit Online-Buchung', 110],
    ['schwaechen', 'Kein WLAN im Bürgerhaus', 0],
    ['chancen', 'Förderprogramm „Smarte Dörfer“', 0],
  ] as const
  const other = await connectBoardClient(server.url, board.id, board.tokens.participant)
  other.doc.transact(() => {
    for (const [index, [zoneId, text, dx]] of notes.entries()) {
      const zone = getTemplate('swot').zones.find((candidate) => candidate.id === zoneId)!
      const centre = zoneCentre(zone.area)
      getRecordsMap(other.doc).set(
        `shape:n${index}`,
        testNote(`n${index}`, text, { x: swot.x + centre.x - 100 + dx, y: swot.y + centre.y - 100, index: `a${index + 5}` }) as never,
      )
    }
    getRecordsMap(other.doc).set('shape:free', testNote('free', 'Neben den Vorlagen', { x: matrix.x - 400, y: matrix.y, index: 'aZ' }) as never)
  })
  await page.setViewportSize({ width: 1280, height: 900 })
  await openBoard(page, board.links.participant, 'Bürgermeisterin Berg')
  await page.getByTestId('list-view-toggle').click()
  await expect(page.getByTestId('list-note')).toHaveCount(5)
  await expect(listZone(page, 'Stärken').getByTestId('list-note-text')).toHaveText(['Aktive Vereine in allen Ortsteilen', 'Bürgerbus mit Online-Buchung'])
  await expect(page.getByTestId('list-others').getByTestId('list-note-text')).toHaveText(['Neben den Vorlagen'])
  expect(await listViolations(page)).toEqual([])

  // Written by a stock client that showed no name: the role stands in for it.
  await expect(listNote(page, 'Kein WLAN').getByTestId('list-note-facts')).toHaveText('von einer teilnehmenden Person')

  // With a round open, a form open and a deletion asked for.
  const roundId = await openRound(server, board, swot, 'Was packen wir an?')
  await expect(page.getByTestId('list-round')).toBeVisible()
  await listNote(page, 'Kein WLAN').getByTestId('list-vote-add').click()
  await expect(listNote(page, 'Kein WLAN').getByTestId('list-my-dots')).toHaveText('1 Punkt von Ihnen')
  await page.getByTestId('list-view').evaluate((list) => list.scrollTo(0, 0))
  await page.screenshot({ path: screenshotPath(testInfo, 'list-view.png') })
  await listZone(page, 'Chancen').getByTestId('list-write').click()
  await listNote(page, 'Bürgerbus').getByTestId('list-note-delete').click()
  expect(await listViolations(page)).toEqual([])

  await facilitate(server, board, 'POST', `rounds/${roundId}/reveal`, {})
  await expect(page.getByTestId('list-view-result')).toBeVisible()
  await page.getByTestId('language-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 2, name: 'SWOT analysis' })).toBeVisible()
  await expect(listNote(page, 'Kein WLAN').getByTestId('list-note-facts')).toHaveText('by a participant · 1 dot')
  expect(await listViolations(page)).toEqual([])
  other.provider.destroy()
})

test('a facilitator reveals the open round from the list view', async ({ page, server }) => {
  const board = await server.createBoard('Abstimmung in der Liste', { templates: ['swot'], locale: 'de' })
  const instance = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))[0]!
  await openBoardByKeyboard(page, board.links.facilitator, 'Moderatorin Weber')
  await page.getByTestId('list-view-toggle').press('Enter')
  await openRound(server, board, instance, 'Was zuerst?')
  const round = page.getByTestId('list-round')
  await expect(round).toContainText('Noch hat niemand abgestimmt · 0 Punkte gesetzt')
  await tabTo(page, round.getByRole('button', { name: 'Ergebnis zeigen' }))
  await page.keyboard.press('Enter')
  await expect(round.getByRole('button', { name: 'Ja, Ergebnis zeigen' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('list-view-result')).toContainText('Ergebnis der Abstimmung „Was zuerst?“')
  await expect(round).toHaveCount(0)
  expect(readFacilitation(await readBoardDoc(server.url, board.id, board.tokens.viewer)).rounds[0]!.status).toBe('revealed')
})
