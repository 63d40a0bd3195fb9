import { describe, expect, it } from 'vitest'
import { numberedChoices } from './TemplateJump.tsx'

describe('numberedChoices', () => {
  it('lists the templates in the given order and numbers names that repeat', () => {
    expect(numberedChoices('a\tProjekt-Canvas\nb\tSWOT-Analyse\nc\tProjekt-Canvas')).toEqual([
      { frameId: 'a', name: 'Projekt-Canvas (1)' },
      { frameId: 'b', name: 'SWOT-Analyse' },
      { frameId: 'c', name: 'Projekt-Canvas (2)' },
    ])
  })

  it('has no choices on a page without templates', () => {
    expect(numberedChoices('')).toEqual([])
  })
})
