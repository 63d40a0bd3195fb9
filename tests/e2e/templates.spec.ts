import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { readBoardRecords, readTemplateInstances } from '@dorfplatz/board'
import {
  TEMPLATE_IDS,
  currentTemplateInstances,
  findZone,
  getTemplate,
  shapePagePoint,
  zoneCentre,
  type TemplateId,
} from '@dorfplatz/templates'
import { expect, openBoard, test } from './boardFixtures.ts'
import { parseBoardLink, readBoardDoc } from './boardDoc.ts'
import { screenshotPath } from './docsScreenshots.ts'

/** Zoom to fit everything on the page (tldraw's Shift+1), after focusing the canvas on an empty spot. */
async function zoomToFit(page: Page): Promise<void> {
  await page.locator('.tl-canvas').click({ position: { x: 5, y: 400 } })
  await page.keyboard.press('Escape')
  await page.keyboard.press('Shift+1')
}

/** Screen position of a point given in a template frame's own coordinates. */
async function screenPointInFrame(page: Page, frameId: string, local: { x: number; y: number }, size: { w: number; h: number }) {
  const box = await page.locator(`.tl-shape[data-shape-id="${frameId}"]`).boundingBox()
  if (!box) throw new Error(`frame ${frameId} is not on screen`)
  return { x: box.x + (local.x / size.w) * box.width, y: box.y + (local.y / size.h) * box.height }
}

test('a facilitator builds a workshop day from the lobby, and a note lands in its zone', async ({ page, server }, testInfo) => {
  testInfo.setTimeout(120_000)
  await page.goto(server.url)
  await page.getByTestId('board-title-input').fill('Workshoptag Digitale Kommune')
  for (const id of TEMPLATE_IDS) await page.getByTestId(`template-option-${id}`).check()
  await page.screenshot({ path: screenshotPath(testInfo, 'lobby-templates.png'), fullPage: true })
  await page.getByTestId('create-board-submit').click()
  const facilitatorLink = (await page.getByTestId('link-facilitator').getAttribute('href'))!
  await openBoard(page, facilitatorLink, 'Moderation Müller')
  await zoomToFit(page)

  await page.screenshot({ path: screenshotPath(testInfo, 'workshop-day.png') })
  // Every template is on the board with its German name.
  await expect(page.locator('.tl-shape[data-shape-type="frame"]')).toHaveCount(TEMPLATE_IDS.length)
  for (const id of TEMPLATE_IDS) {
    await expect(page.getByText(getTemplate(id).name.de, { exact: true }).first()).toBeAttached()
  }
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([])

  // A note placed by hand into the matrix's "Schnelle Erfolge" quadrant belongs to that zone.
  const { boardId, token } = parseBoardLink(facilitatorLink)
  const instance = readTemplateInstances(await readBoardDoc(server.url, boardId, token)).find(
    (candidate) => candidate.templateId === 'priority-matrix',
  )!
  const matrix = getTemplate('priority-matrix')
  const quickWins = matrix.zones.find((zone) => zone.id === 'schnelle-erfolge')!
  await page.locator(`.tl-shape[data-shape-id="${instance.frameId}"]`).scrollIntoViewIfNeeded()
  const target = await screenPointInFrame(page, instance.frameId, zoneCentre(quickWins.area), { w: matrix.width, h: matrix.height })
  await page.keyboard.press('n')
  await page.mouse.click(target.x, target.y)
  await page.keyboard.type('Online-Terminbuchung im Bürgerbüro')
  await page.keyboard.press('Escape')

  await expect
    .poll(async () => {
      const doc = await readBoardDoc(server.url, boardId, token)
      const byId = readBoardRecords(doc) as Map<string, TLRecord>
      const note = [...byId.values()].find(
        (record): record is TLShape => record.typeName === 'shape' && record.type === 'note' && JSON.stringify(record.props).includes('Terminbuchung'),
      )
      if (!note) return 'no note yet'
      const instances = currentTemplateInstances(readTemplateInstances(doc), byId)
      const found = findZone(instances, note.parentId.startsWith('page:') ? note.parentId : instance.pageId, shapePagePoint(note, byId))
      return found ? `${found.instance.templateId}/${found.zone.id}` : 'outside every zone'
    })
    .toBe('priority-matrix/schnelle-erfolge')
})

for (const id of TEMPLATE_IDS as readonly TemplateId[]) {
  test(`template ${id} shows its German labels`, async ({ page, server }, testInfo) => {
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: getTemplate(id).name.de, templates: [id], locale: 'de' }),
    })
    const board = await response.json()
    await page.setViewportSize({ width: 1600, height: 1000 })
    // As a participant sees it: the picture shows the whole template, without the Moderation bar over its name.
    await openBoard(page, board.links.participant, 'Teilnehmerin')
    await zoomToFit(page)
    const template = getTemplate(id)
    await expect(page.getByText(template.name.de, { exact: true }).first()).toBeVisible()
    await expect(page.getByText(template.instruction.de, { exact: true })).toBeVisible()
    // Grid-like templates label their rows and columns (sector and ring, lane and period) instead of every cell.
    const labels = new Set(
      template.zones.flatMap((zone) =>
        zone.group ? [zone.group.de, (zone.ring ?? zone.period)?.de ?? zone.name.de] : [zone.name.de],
      ),
    )
    for (const label of labels) await expect(page.getByText(label, { exact: true }).first()).toBeAttached()
    // Let the zoom animation settle before the picture.
    await page.locator('.tl-shape[data-shape-type="frame"]').evaluate(
      (frame) =>
        new Promise<void>((resolve) => {
          let last = ''
          const check = () => {
            const now = JSON.stringify(frame.getBoundingClientRect())
            if (now === last) resolve()
            else {
              last = now
              requestAnimationFrame(() => requestAnimationFrame(check))
            }
          }
          check()
        }),
    )
    await page.screenshot({ path: screenshotPath(testInfo, `template-${id}.png`) })
  })
}

test('a facilitator adds a template to an open board; participants see it arrive but have no such button', async ({
  page,
  server,
  newBrowser,
}) => {
  const board = await server.createBoard('Zweiter Workshop')
  const participant = await (await newBrowser()).newPage()
  await openBoard(page, board.links.facilitator, 'Moderation')
  await openBoard(participant, board.links.participant, 'Teilnehmerin')
  await expect(participant.getByTestId('add-template-button')).toHaveCount(0)

  await page.getByTestId('add-template-button').click()
  const dialog = page.getByTestId('add-template-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('template-option-swot').check()
  await page.getByTestId('add-template-submit').click()
  await expect(dialog).toBeHidden()

  const swot = getTemplate('swot')
  await expect(page.getByText(swot.name.de, { exact: true }).first()).toBeVisible()
  await expect(participant.locator('.tl-shape[data-shape-type="frame"]')).toHaveCount(1)
  await expect(participant.getByText(swot.zones[0]!.name.de, { exact: true }).first()).toBeAttached()
})
