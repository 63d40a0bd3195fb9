import type { Editor } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { guardTemplateStructure, keepStructure, withoutStructureMark } from './structureGuard.ts'

const mark = { templateInstance: 'inst-1', templateId: 'stakeholder-map', role: 'structure', part: 'area', zone: 'residents' }

interface Shape {
  id: string
  x: number
  y: number
  isLocked: boolean
  meta: Record<string, unknown>
}

const structureArea: Shape = { id: 'shape:area', x: 0, y: 0, isLocked: true, meta: { dorfplatz: mark, other: 1 } }
const note: Shape = { id: 'shape:note', x: 10, y: 10, isLocked: false, meta: {} }

describe('keepStructure', () => {
  it('turns back a change to a structure shape', () => {
    expect(keepStructure(structureArea, { ...structureArea, x: 300 })).toBe(structureArea)
    expect(keepStructure(structureArea, { ...structureArea, isLocked: false })).toBe(structureArea)
    expect(keepStructure(structureArea, { ...structureArea, meta: {} })).toBe(structureArea)
  })

  it('lets changes to other shapes through', () => {
    const moved = { ...note, x: 300 }
    expect(keepStructure(note, moved)).toBe(moved)
  })

  it('never lets an ordinary shape take on the structure mark', () => {
    expect(keepStructure(note, { ...note, meta: { dorfplatz: mark } })).toEqual({ ...note, meta: {} })
  })

  it('does not mistake a look-alike mark for structure', () => {
    const noStructure = { ...note, meta: { dorfplatz: { ...mark, role: 'note' } } }
    const moved = { ...noStructure, x: 5 }
    expect(keepStructure(noStructure, moved)).toBe(moved)
  })
})

describe('withoutStructureMark', () => {
  it('strips only the structure mark from a copied structure shape', () => {
    expect(withoutStructureMark(structureArea)).toEqual({ ...structureArea, meta: { other: 1 } })
  })

  it('leaves other shapes as they are', () => {
    expect(withoutStructureMark(note)).toBe(note)
  })
})

describe('guardTemplateStructure', () => {
  type Handler = (...args: unknown[]) => unknown

  function fakeEditor(pageShapes: unknown[]) {
    const handlers = new Map<string, Handler>()
    const register = (kind: string) => (type: string, handler: Handler) => {
      handlers.set(`${kind}:${type}`, handler)
      return () => handlers.delete(`${kind}:${type}`)
    }
    const editor = {
      sideEffects: {
        registerBeforeCreateHandler: register('create'),
        registerBeforeChangeHandler: register('change'),
        registerBeforeDeleteHandler: register('delete'),
        registerOperationCompleteHandler: (handler: Handler) => register('complete')('operation', handler),
      },
      getPageShapeIds: () => new Set(pageShapes.map((_, index) => index)),
      getShape: (key: number | string) =>
        typeof key === 'number' ? pageShapes[key] : pageShapes.find((shape) => (shape as { id: string }).id === key),
    }
    return { editor: editor as unknown as Editor, handlers }
  }

  it('guards the person’s own writes and lets synced ones through', () => {
    const { editor, handlers } = fakeEditor([note, structureArea])
    const stop = guardTemplateStructure(editor)
    const moved = { ...structureArea, x: 300 }

    expect(handlers.get('change:shape')!(structureArea, moved, 'user')).toBe(structureArea)
    expect(handlers.get('change:shape')!(structureArea, moved, 'remote')).toBe(moved)
    expect(handlers.get('delete:shape')!(structureArea, 'user')).toBe(false)
    expect(handlers.get('delete:shape')!(structureArea, 'remote')).toBeUndefined()
    expect(handlers.get('delete:shape')!(note, 'user')).toBeUndefined()
    expect(handlers.get('create:shape')!(structureArea, 'user')).toEqual({ ...structureArea, meta: { other: 1 } })
    expect(handlers.get('create:shape')!(structureArea, 'remote')).toBe(structureArea)
    expect(handlers.get('delete:page')!({ id: 'page:1' }, 'user')).toBe(false)

    stop()
    expect(handlers.size).toBe(0)
  })

  it('keeps what lies in a structure frame when a person deletes the frame', () => {
    const frame = { id: 'shape:frame', parentId: 'page:1', meta: { dorfplatz: { ...mark, part: 'frame' } } }
    const inFrame = { id: 'shape:in-frame', parentId: 'shape:frame', meta: {} }
    const inGroup = { id: 'shape:in-group', parentId: 'shape:in-frame', meta: {} }
    const loose = { id: 'shape:loose', parentId: 'page:1', meta: {} }
    const { editor, handlers } = fakeEditor([frame, inFrame, inGroup, loose])
    guardTemplateStructure(editor)
    const beforeDelete = handlers.get('delete:shape')!

    // tldraw deletes the frame and then its descendants, in one operation.
    expect(beforeDelete(frame, 'user')).toBe(false)
    expect(beforeDelete(inFrame, 'user')).toBe(false)
    expect(beforeDelete(inGroup, 'user')).toBe(false)
    expect(beforeDelete(loose, 'user')).toBeUndefined()
    handlers.get('complete:operation')!('user')

    // On its own, a note in the frame may be deleted.
    expect(beforeDelete(inFrame, 'user')).toBeUndefined()
  })

  it('lets a person delete a page without template structure', () => {
    const { editor, handlers } = fakeEditor([note])
    guardTemplateStructure(editor)
    expect(handlers.get('delete:page')!({ id: 'page:1' }, 'user')).toBeUndefined()
  })
})
