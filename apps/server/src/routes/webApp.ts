/**
 * Serves the built web app: hashed assets cached for good, the pages (start, board, projector
 * view, accessibility statement) with index.html, each compressed ahead when the browser accepts it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import { ACCESSIBILITY_PATH } from '@dorfplatz/protocol'

export async function webApp(app: FastifyInstance, { webDir }: { webDir: string }): Promise<void> {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    app.log.warn({ webDir }, 'no built web app found; run `pnpm build` (the API and sync still work)')
    return
  }
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: true,
    index: ['index.html'],
    // The build writes .br and .gz copies beside each text file (apps/web/scripts/compress.mjs):
    // sent to browsers that accept them, a board page is about a third of its size on the wire.
    preCompressed: true,
    setHeaders(reply, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`)
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  // Pages of the web app, not API routes: left out of the API document.
  const page = { schema: { hide: true } }
  app.get('/b/:boardId', page, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'))
  app.get('/b/:boardId/projektor', page, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'))
  app.get(ACCESSIBILITY_PATH, page, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'))
}
