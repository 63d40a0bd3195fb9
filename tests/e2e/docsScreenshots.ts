/**
 * Where end-to-end tests put their pictures: the README's screenshots in docs/screenshots,
 * written only when asked (DORFPLATZ_DOCS_SCREENSHOTS=1) so that a test run leaves the tree
 * clean; otherwise the test's own output folder.
 */
import fs from 'node:fs'
import path from 'node:path'

const DOCS_SCREENSHOTS = process.env.DORFPLATZ_DOCS_SCREENSHOTS === '1'

export function screenshotPath(testInfo: { outputPath(name: string): string }, name: string): string {
  if (!DOCS_SCREENSHOTS) return testInfo.outputPath(name)
  fs.mkdirSync('docs/screenshots', { recursive: true })
  return path.resolve('docs/screenshots', name)
}
