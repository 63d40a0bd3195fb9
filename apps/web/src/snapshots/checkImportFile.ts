/**
 * What the import dialog checks before it sends a file: its type and size, and whether its text
 * is a tldraw file at all. The server checks the records themselves; these checks only spare a
 * large upload, or a round trip, that is bound to fail.
 */
import { MAX_IMPORT_BYTES } from '@dorfplatz/protocol'
import type { Language } from '../i18n/i18n.ts'

/** What the file input offers; tldraw saves `.tldr`, and some tools save the same JSON as `.json`. */
export const IMPORT_ACCEPT = '.tldr,.json,application/json'

const IMPORT_EXTENSIONS = ['.tldr', '.json']

export type ImportFileProblem = { kind: 'wrongType' } | { kind: 'tooLarge'; bytes: number }

/** Rejects a file by its name and size alone, before reading it. */
export function checkImportFile(file: { name: string; size: number }): ImportFileProblem | null {
  const name = file.name.toLowerCase()
  if (!IMPORT_EXTENSIONS.some((extension) => name.endsWith(extension))) return { kind: 'wrongType' }
  if (file.size > MAX_IMPORT_BYTES) return { kind: 'tooLarge', bytes: file.size }
  return null
}

/**
 * Whether `text` has the outer shape of a tldraw file (`{ tldrawFileFormatVersion, schema, records }`).
 * Anything else (a picture renamed to `.tldr`, another program's JSON) is not worth sending.
 */
export function looksLikeTldrawFile(text: string): boolean {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return false
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false
  const file = data as Record<string, unknown>
  return (
    typeof file.tldrawFileFormatVersion === 'number' &&
    typeof file.schema === 'object' &&
    file.schema !== null &&
    Array.isArray(file.records)
  )
}

/**
 * A file size for people: "8 MB", "12,3 MB", "640 kB". Counted in 1024s, as Windows Explorer
 * counts them, so the limit reads "8 MB" and matches what the file's properties say.
 */
export function formatFileSize(bytes: number, language: Language): string {
  const megabytes = bytes / (1024 * 1024)
  if (megabytes >= 1) {
    return new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(megabytes)
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
    Math.max(1, Math.round(bytes / 1024)),
  )
}
