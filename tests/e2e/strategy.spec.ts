/**
 * The Digitalstrategie in a real browser: a mayor gives her municipality with her name, writes a
 * note (assigned to it as it is made), gives it a next step through the note's context menu, and
 * downloads her municipality's strategy as a Word document; its text holds the note, the step and
 * where it comes from.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { MUNICIPALITY_META, readBoardRecords, readTemplateInstances, richTextToPlain, taskOf } from '@dorfplatz/board'
import { expect, test } from './boardFixtures.ts'
import { readBoardDoc } from './boardDoc.ts'
import { openMainMenuItem } from './boardMainMenu.ts'
import { addNote, noteWithText } from './notes.ts'

test('a mayor assigns her notes to her municipality, gives one a next step and downloads her strategy', async ({ page, server }, testInfo) => {
  testInfo.setTimeout(90_000)
  const board = await server.createBoard('Workshop 2: Projekte', { templates: ['roadmap'], locale: 'de' })
  const [instance] = readTemplateInstances(await readBoardDoc(server.url, board.id, board.tokens.viewer))

  await page.goto(board.links.participant)
  await page.getByTestId('name-input').fill('Bürgermeisterin Jung')
  await page.getByTestId('municipality-input').fill('VG Musterhausen')
  await page.getByTestId('name-submit').click()
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')

  // A note in the roadmap's first field, assigned to her municipality as it is made.
  const frame = await page.locator(`.tl-shape[data-shape-id="${instance!.frameId}"]`).boundingBox()
  const canvas = await page.locator('.tl-canvas').boundingBox()
  await addNote(page, 'Online-Terminvergabe im Bürgerbüro', { x: frame!.x - canvas!.x + frame!.width * 0.3, y: frame!.y - canvas!.y + frame!.height * 0.3 })
  const note = noteWithText(page, 'Online-Terminvergabe im Bürgerbüro')
  await expect(note).toBeVisible()

  // Its next step, through the note's own menu.
  await note.click()
  await note.click({ button: 'right' })
  await page.getByTestId('context-menu.dorfplatz-note-step').click()
  const dialog = page.getByTestId('note-step-dialog')
  await expect(dialog.getByTestId('note-step-municipality')).toHaveValue('VG Musterhausen')
  await dialog.getByTestId('note-step-owner').fill('Bürgerbüro')
  await dialog.getByTestId('note-step-due').fill('2026-06-30')
  await dialog.getByTestId('note-step-save').click()
  await expect(dialog).toBeHidden()
  await expect
    .poll(async () => {
      const record = [...readBoardRecords(await readBoardDoc(server.url, board.id, board.tokens.viewer)).values()].find(
        (value) => richTextToPlain((value as { props?: { richText?: unknown } }).props?.richText) === 'Online-Terminvergabe im Bürgerbüro',
      ) as { meta?: Record<string, unknown> } | undefined
      return record ? { municipality: record.meta?.[MUNICIPALITY_META], task: taskOf(record) } : null
    })
    .toEqual({ municipality: 'VG Musterhausen', task: { owner: 'Bürgerbüro', due: '2026-06-30', done: false } })

  // The strategy of her municipality, as a Word document.
  await openMainMenuItem(page, 'dorfplatz-strategy')
  const strategy = page.getByTestId('strategy-dialog')
  await expect(strategy.getByTestId('strategy-municipality')).toHaveValue('VG Musterhausen')
  const started = page.waitForEvent('download')
  await strategy.getByTestId('strategy-docx').click()
  const file = await started
  expect(file.suggestedFilename()).toBe('Digitalstrategie VG Musterhausen.docx')
  expect(fs.readFileSync(await file.path()).subarray(0, 2).toString()).toBe('PK')
  const xml = execFileSync('unzip', ['-p', await file.path(), 'word/document.xml'], { encoding: 'utf8' })
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(' ')
  expect(text).toContain('Digitalstrategie VG Musterhausen')
  expect(text).toContain('Fahrplan')
  expect(text).toContain('Online-Terminvergabe im Bürgerbüro')
  expect(text).toContain('zuständig: Bürgerbüro · bis 30.06.2026')
  expect(text).toContain('Nächste Schritte: offen')

  // The next workshop's board, in the same series, lists the step that fell due since.
  const next = await server.createBoard('Workshop 3: Umsetzung', { templates: ['project-canvas'], locale: 'de' })
  const join = async (id: string, token: string, body: unknown) =>
    fetch(`${server.url}/api/boards/${id}/series`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect((await join(board.id, board.tokens.facilitator, { name: 'Digitale Kommune' })).status).toBe(200)
  expect((await join(next.id, next.tokens.facilitator, { joinBoardId: board.id, joinToken: board.tokens.facilitator })).status).toBe(200)
  await page.goto(next.links.participant)
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')
  const due = page.getByTestId('due-steps')
  await expect(due.getByTestId('due-steps-summary')).toHaveText('Seit dem letzten Workshop fällig: 1 Schritt, davon 1 offen')
  await due.getByTestId('due-steps-summary').click()
  await expect(due.getByTestId('due-step')).toHaveText(['offen Online-Terminvergabe im Bürgerbüro – bis 30.06.2026, zuständig: Bürgerbüro (aus Workshop 2: Projekte) (VG Musterhausen)'])
})
