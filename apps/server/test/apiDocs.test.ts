/**
 * The API document is generated from the routes' schemas; the README's HTTP API table is written by
 * hand. This test keeps them one list: every route in one is in the other, and every operation
 * documents its input and its answers. The page that shows the document loads nothing from elsewhere.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { startTestServer } from './testServer.ts'

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md')

/** In the README's table, but not an API operation: the page that shows the document. */
const PAGES = new Set(['GET /api/docs'])

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const

interface Operation {
  parameters?: Array<{ in: string; name: string }>
  requestBody?: unknown
  responses?: Record<string, unknown>
}

/** `GET /api/boards/{id}` for each route in the README's "HTTP API" table (first column, in backticks). */
function readmeRoutes(): Set<string> {
  const readme = fs.readFileSync(README, 'utf8')
  const start = readme.indexOf('### HTTP API')
  expect(start).toBeGreaterThan(-1)
  const section = readme.slice(start, readme.indexOf('\n### ', start + 1))
  const routes = new Set<string>()
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    const firstCell = row.split(' | ')[0]!
    for (const [, method, route] of firstCell.matchAll(/`(GET|POST|PUT|DELETE|PATCH) (\/[^`?\s]*)[^`]*`/g)) {
      routes.add(`${method} ${route!.replace(/:(\w+)/g, '{$1}')}`)
    }
  }
  return routes
}

async function openApiDocument(url: string): Promise<{ openapi: string; paths: Record<string, Record<string, Operation>> }> {
  const response = await fetch(`${url}/api/openapi.json`)
  expect(response.status).toBe(200)
  return (await response.json()) as { openapi: string; paths: Record<string, Record<string, Operation>> }
}

describe('API document', () => {
  it('lists exactly the routes of the README table, each with its input and answers', async () => {
    // With the metrics token, /metrics is one of the routes.
    const server = await startTestServer({ DORFPLATZ_METRICS_TOKEN: 'metrics-token-0123456789abcdef' })
    const document = await openApiDocument(server.url)
    expect(document.openapi).toMatch(/^3\./)

    const documented = new Set<string>()
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = operations[method]
        if (!operation) continue
        documented.add(`${method.toUpperCase()} ${route}`)
        const answers = Object.keys(operation.responses ?? {})
        expect(answers.some((status) => /^(2\d\d|101)$/.test(status)), `${method} ${route} documents its answer`).toBe(true)
        for (const name of route.matchAll(/\{(\w+)\}/g)) {
          expect(operation.parameters?.some((parameter) => parameter.in === 'path' && parameter.name === name[1]), `${route}: ${name[1]}`).toBe(true)
        }
        if (method === 'post' || method === 'put') {
          // Bodies are documented where a route takes one; every route that can refuse input says how.
          expect(answers.some((status) => status.startsWith('4')), `${method} ${route} documents its errors`).toBe(true)
        }
      }
    }

    const inReadme = readmeRoutes()
    const missingFromReadme = [...documented].filter((route) => !inReadme.has(route))
    const missingFromDocument = [...inReadme].filter((route) => !documented.has(route) && !PAGES.has(route))
    expect(missingFromReadme, 'routes the README table does not list').toEqual([])
    expect(missingFromDocument, 'README routes the API document does not have').toEqual([])
  })

  it('documents each request body the server validates', async () => {
    const server = await startTestServer()
    const { paths } = await openApiDocument(server.url)
    expect(paths['/api/boards']?.post?.requestBody).toBeDefined()
    expect(paths['/api/boards/{id}/timer']?.post?.requestBody).toBeDefined()
    expect(paths['/api/boards/{id}/rounds/{roundId}/ballot']?.post?.parameters?.some((p) => p.in === 'header')).toBe(true)
    expect(paths['/sync/{boardId}']?.get?.responses?.['101']).toBeDefined()
  })

  it('is readable at /api/docs, from files this server serves itself', async () => {
    const server = await startTestServer()
    const response = await fetch(`${server.url}/api/docs`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
    expect(references.length).toBeGreaterThan(2)
    for (const reference of references) {
      const url = new URL(reference, `${server.url}/api/docs`)
      expect(url.origin, reference).toBe(server.url)
      expect((await fetch(url)).status, reference).toBe(200)
    }
    const initializer = await (await fetch(`${server.url}/api/docs/static/swagger-initializer.js`)).text()
    // No address elsewhere, but in comments and the logo (an inline data URL, whose SVG names its XML namespaces).
    const code = initializer.replace(/data:[^'"]+/g, '').replace(/^\s*\/\/.*$/gm, '')
    expect(code).not.toMatch(/https?:\/\//)
    expect(initializer).toContain('validatorUrl: null')
    // A plain request to the sync endpoint says what it is.
    expect((await fetch(`${server.url}/sync/abcdefghijklmnop`)).status).toBe(426)
  })

  it('serves the files of the page like any other answer of this server: its headers, its redirects, its "not found"', async () => {
    const server = await startTestServer()
    const stylesheet = await fetch(`${server.url}/api/docs/static/swagger-ui.css`)
    expect(stylesheet.status).toBe(200)
    expect(stylesheet.headers.get('content-type')).toMatch(/^text\/css/)
    expect(stylesheet.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(Number(stylesheet.headers.get('content-length'))).toBe((await stylesheet.arrayBuffer()).byteLength)
    const redirect = await fetch(`${server.url}/api/docs/static/index.html`, { redirect: 'manual' })
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toBe('/api/docs/')
    const missing = await fetch(`${server.url}/api/docs/static/missing.js`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ statusCode: 404, message: 'No route for GET /api/docs/static/missing.js.' })
    // The page's copy of the document is the document.
    expect(await (await fetch(`${server.url}/api/docs/json`)).json()).toEqual(await openApiDocument(server.url))
  })
})
