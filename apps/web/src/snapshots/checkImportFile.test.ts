import { MAX_IMPORT_BYTES } from '@dorfplatz/protocol'
import { describe, expect, it } from 'vitest'
import { checkImportFile, formatFileSize, looksLikeTldrawFile } from './checkImportFile.ts'

describe('checkImportFile', () => {
  it('takes .tldr and .json files up to the limit', () => {
    expect(checkImportFile({ name: 'Workshop 1.tldr', size: 12_000 })).toBeNull()
    expect(checkImportFile({ name: 'EXPORT.JSON', size: MAX_IMPORT_BYTES })).toBeNull()
  })

  it('refuses other files by their name', () => {
    expect(checkImportFile({ name: 'Foto.png', size: 10 })).toEqual({ kind: 'wrongType' })
    expect(checkImportFile({ name: 'tldr', size: 10 })).toEqual({ kind: 'wrongType' })
  })

  it('refuses a file larger than the server takes, before reading it', () => {
    expect(checkImportFile({ name: 'gross.tldr', size: MAX_IMPORT_BYTES + 1 })).toEqual({
      kind: 'tooLarge',
      bytes: MAX_IMPORT_BYTES + 1,
    })
  })
})

describe('looksLikeTldrawFile', () => {
  it('knows the outer shape of a tldraw file', () => {
    const file = { tldrawFileFormatVersion: 1, schema: { schemaVersion: 2, sequences: {} }, records: [] }
    expect(looksLikeTldrawFile(JSON.stringify(file))).toBe(true)
  })

  it('refuses text that is no JSON, or other JSON', () => {
    expect(looksLikeTldrawFile('\u0089PNG\r\n')).toBe(false)
    expect(looksLikeTldrawFile('')).toBe(false)
    expect(looksLikeTldrawFile('null')).toBe(false)
    expect(looksLikeTldrawFile('[1, 2]')).toBe(false)
    expect(looksLikeTldrawFile('{"type":"excalidraw","elements":[]}')).toBe(false)
    expect(looksLikeTldrawFile('{"tldrawFileFormatVersion":"1","schema":{},"records":[]}')).toBe(false)
    expect(looksLikeTldrawFile('{"tldrawFileFormatVersion":1,"schema":null,"records":[]}')).toBe(false)
    expect(looksLikeTldrawFile('{"tldrawFileFormatVersion":1,"schema":{},"records":{}}')).toBe(false)
  })
})

describe('formatFileSize', () => {
  it('shows the import limit as a round figure', () => {
    expect(formatFileSize(MAX_IMPORT_BYTES, 'de')).toBe('8 MB')
    expect(formatFileSize(MAX_IMPORT_BYTES, 'en')).toBe('8 MB')
  })

  it('uses the language’s decimal mark', () => {
    expect(formatFileSize(12.34 * 1024 * 1024, 'de')).toBe('12,3 MB')
    expect(formatFileSize(12.34 * 1024 * 1024, 'en')).toBe('12.3 MB')
  })

  it('counts small files in kilobytes, never as zero', () => {
    expect(formatFileSize(640 * 1024, 'de')).toBe('640 kB')
    expect(formatFileSize(3, 'en')).toBe('1 kB')
  })
})
