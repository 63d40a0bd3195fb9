// Writes a gzip and a brotli copy beside each text file of the build, so that the server sends
// them compressed without compressing on every request (see the server's routes/webApp.ts).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const DIST = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist')
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt'])
/** Below this, compression saves less than a packet. */
const MIN_BYTES = 1024

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(file)
    else yield file
  }
}

let before = 0
let after = 0
for (const file of files(DIST)) {
  if (!COMPRESSIBLE.has(path.extname(file))) continue
  const content = fs.readFileSync(file)
  if (content.byteLength < MIN_BYTES) continue
  const gzip = zlib.gzipSync(content, { level: 9 })
  const brotli = zlib.brotliCompressSync(content, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
    },
  })
  fs.writeFileSync(`${file}.gz`, gzip)
  fs.writeFileSync(`${file}.br`, brotli)
  before += content.byteLength
  after += brotli.byteLength
}
console.log(`compressed ${Math.round(before / 1024)} KiB of text to ${Math.round(after / 1024)} KiB (brotli)`)
