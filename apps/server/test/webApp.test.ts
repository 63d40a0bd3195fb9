/**
 * The built app as the server sends it: compressed ahead (brotli or gzip, as the browser accepts),
 * hashed assets cached for good, the pages never.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { startTestServer, tempDataDir } from './testServer.ts'

function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    request.on('error', reject)
  })
}

describe('the web app', () => {
  it('is sent compressed as the browser accepts it, from the copies the build wrote', async () => {
    const webDir = tempDataDir()
    const page = Buffer.from(`<!doctype html><title>Dorfplatz</title>${'<p>Willkommen</p>'.repeat(200)}`)
    const script = Buffer.from(`console.log(${JSON.stringify('Dorfplatz '.repeat(500))})`)
    fs.mkdirSync(path.join(webDir, 'assets'))
    for (const [file, content] of [
      ['index.html', page],
      ['assets/app-1234.js', script],
    ] as const) {
      fs.writeFileSync(path.join(webDir, file), content)
      fs.writeFileSync(path.join(webDir, `${file}.gz`), zlib.gzipSync(content))
      fs.writeFileSync(path.join(webDir, `${file}.br`), zlib.brotliCompressSync(content))
    }
    const server = await startTestServer({ DORFPLATZ_WEB_DIR: webDir })
    const board = await server.createBoard()

    const brotli = await get(`${server.url}/assets/app-1234.js`, 'gzip, deflate, br')
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(brotli.headers['cache-control']).toContain('immutable')
    expect(brotli.body.byteLength).toBeLessThan(script.byteLength / 10)
    expect(zlib.brotliDecompressSync(brotli.body)).toEqual(script)

    const gzip = await get(`${server.url}/assets/app-1234.js`, 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body)).toEqual(script)

    const plain = await get(`${server.url}/assets/app-1234.js`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toEqual(script)

    for (const pagePath of ['/', `/b/${board.id}`, `/b/${board.id}/projektor`]) {
      const answer = await get(`${server.url}${pagePath}`, 'br')
      expect(answer.status, pagePath).toBe(200)
      expect(answer.headers['content-encoding'], pagePath).toBe('br')
      expect(answer.headers['cache-control'], pagePath).toBe('no-cache')
      expect(zlib.brotliDecompressSync(answer.body), pagePath).toEqual(page)
    }
  })
})
