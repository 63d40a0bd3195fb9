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

/** Writes an example output (a report, an export) to docs/examples when asked; otherwise does nothing. */
export function writeDocsExample(name: string, content: string | Uint8Array): void {
  if (!DOCS_SCREENSHOTS) return
  fs.mkdirSync('docs/examples', { recursive: true })
  fs.writeFileSync(path.resolve('docs/examples', name), content)
}
