/** The contract of the own templates: versions numbered in order, also when published at once, retiring, durability. */
import { describe, expect, it } from 'vitest'
import type { OwnTemplate, OwnTemplateVersion } from '../../src/storage/BoardStorage.ts'
import type { NewOwnTemplateVersion } from '../../src/storage/OwnTemplateStore.ts'
import { newBoard, type StorageFactory } from './storageContractKit.ts'

const draft = (name: string, publishedAt = 1_700_000_000_000): NewOwnTemplateVersion => ({
  publishedAt,
  publishedBy: 'Frau Weber',
  name: { de: name, en: '' },
  description: { de: 'Für die Klausur – „Dorfladen“', en: 'For the retreat' },
  instruction: { de: 'Ordnen Sie Ideen zu.', en: '' },
  width: 1200,
  height: 900,
  zones: [{ id: 'schnell-ab12', name: { de: 'Schnell', en: 'Quick' }, area: { kind: 'rect', x: 48, y: 200, w: 500, h: 600 } }],
  structure: [{ kind: 'area', key: 'p1', geo: 'rectangle', x: 48, y: 200, w: 500, h: 600, color: 'green', fill: 'solid', zone: 'schnell-ab12' }],
})

const template = (id: string, ...versions: OwnTemplateVersion[]): OwnTemplate => ({
  id: `own:${id}`,
  createdAt: 1_700_000_000_000,
  retiredAt: null,
  versions,
})

export function describeOwnTemplateStoreContract(name: string, factory: StorageFactory): void {
  describe(`OwnTemplateStore contract: ${name}`, () => {
    it('stores templates with their versions and numbers new versions one above the newest', async () => {
      const storage = await factory.open()
      expect(await storage.listOwnTemplates()).toEqual([])
      const first = template('klausur', { ...draft('Klausur'), version: 1 })
      await storage.createOwnTemplate(first)
      await expect(storage.createOwnTemplate(first)).rejects.toThrow()
      expect(await storage.getOwnTemplate('own:klausur')).toEqual(first)

      const second = await storage.publishOwnTemplateVersion('own:klausur', draft('Klausur, überarbeitet', 1_700_000_100_000))
      expect(second).toEqual({ ...draft('Klausur, überarbeitet', 1_700_000_100_000), version: 2 })
      expect(await storage.publishOwnTemplateVersion('own:nothing', draft('x'))).toBeUndefined()

      const stored = (await storage.getOwnTemplate('own:klausur'))!
      expect(stored.versions.map((version) => [version.version, version.name.de])).toEqual([
        [1, 'Klausur'],
        [2, 'Klausur, überarbeitet'],
      ])
      expect(await storage.getOwnTemplate('own:nothing')).toBeUndefined()
      await storage.close()
    })

    it('gives versions published at the same moment distinct numbers', async () => {
      const storage = await factory.open()
      await storage.createOwnTemplate(template('gleichzeitig', { ...draft('A'), version: 1 }))
      const published = await Promise.all(Array.from({ length: 6 }, (_, n) => storage.publishOwnTemplateVersion('own:gleichzeitig', draft(`B${n}`))))
      expect(published.map((version) => version!.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7])
      await storage.close()
    })

    it('keeps imported version numbers, retires and brings back, and keeps templates when boards go', async () => {
      const storage = await factory.open()
      await storage.createBoard(newBoard('AAAAAAAAAAAAAAAA'))
      await storage.createOwnTemplate(template('import', { ...draft('v3'), version: 3 }, { ...draft('v7'), version: 7 }))
      expect(await storage.setOwnTemplateRetired('own:import', 1_700_000_200_000)).toBe(true)
      expect(await storage.setOwnTemplateRetired('own:nothing', 1)).toBe(false)
      expect((await storage.publishOwnTemplateVersion('own:import', draft('v8')))!.version).toBe(8)
      await storage.deleteBoard('AAAAAAAAAAAAAAAA')
      const [stored] = await storage.listOwnTemplates()
      expect(stored!.retiredAt).toBe(1_700_000_200_000)
      expect(stored!.versions.map((version) => version.version)).toEqual([3, 7, 8])
      expect(await storage.setOwnTemplateRetired('own:import', null)).toBe(true)
      expect((await storage.getOwnTemplate('own:import'))!.retiredAt).toBeNull()
      await storage.close()
    })

    it.runIf(factory.reopen)('keeps templates across a reopen', async () => {
      const storage = await factory.open()
      await storage.createOwnTemplate(template('dauerhaft', { ...draft('Dauerhaft'), version: 1 }))
      await storage.publishOwnTemplateVersion('own:dauerhaft', draft('Dauerhaft 2'))
      const reopened = await factory.reopen!(storage)
      expect((await reopened.getOwnTemplate('own:dauerhaft'))!.versions.map((version) => version.name.de)).toEqual(['Dauerhaft', 'Dauerhaft 2'])
      await reopened.close()
    })
  })
}
