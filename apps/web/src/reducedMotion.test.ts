/**
 * Whoever asks for reduced motion (prefers-reduced-motion) gets none of Dorfplatz's animations
 * but a slowed spinner: every rule of the web app's stylesheets that starts an animation is
 * answered, in the same file, by a rule for the same selectors inside
 * `@media (prefers-reduced-motion: reduce)`. A new animation without one fails here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

function cssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return cssFiles(file)
    return entry.name.endsWith('.css') ? [file] : []
  })
}

const normalise = (selectors: string) => selectors.split(',').map((selector) => selector.replace(/\s+/g, ' ').trim()).sort().join(', ')

/** The selectors of each rule that starts an animation, and those of the rules inside reduced-motion blocks. */
function animations(css: string): { animated: string[]; calmed: string[] } {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const animated: string[] = []
  const calmed: string[] = []
  const reduced = /@media\s*\(prefers-reduced-motion:\s*reduce\)\s*\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g
  for (const block of withoutComments.matchAll(reduced)) {
    for (const rule of block[1]!.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      if (/animation(-duration)?\s*:/.test(rule[2]!)) calmed.push(normalise(rule[1]!))
    }
  }
  const outside = withoutComments.replace(reduced, '')
  for (const rule of outside.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    if (/(^|;|\s)animation\s*:\s*(?!none)/.test(rule[2]!)) animated.push(normalise(rule[1]!))
  }
  return { animated, calmed }
}

describe('reduced motion', () => {
  const files = cssFiles(path.resolve(__dirname))
  it('finds the stylesheets and their animations', () => {
    expect(files.length).toBeGreaterThan(5)
    expect(files.flatMap((file) => animations(fs.readFileSync(file, 'utf8')).animated).length).toBeGreaterThan(0)
  })

  it.each(files.map((file) => [path.relative(path.resolve(__dirname), file), file]))('%s calms every animation it starts', (_name, file) => {
    const { animated, calmed } = animations(fs.readFileSync(file, 'utf8'))
    for (const selectors of animated) expect(calmed).toContain(selectors)
  })
})
