import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { lazySchemaController } from './lazySchemaCompilers.ts'

const AJV = { customOptions: { coerceTypes: false, removeAdditional: false } } as const

/** The same routes, on Fastify's own compilers or on the lazy ones. */
function appWith(lazy: boolean): FastifyInstance {
  const app = Fastify({ ajv: AJV, ...(lazy ? { schemaController: lazySchemaController() } : {}) })
  app.addSchema({ $id: 'note', type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 5 } } })
  app.post(
    '/notes/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[a-z]+$' } } },
        querystring: { type: 'object', properties: { colour: { type: 'string', default: 'yellow' } }, additionalProperties: false },
        headers: { type: 'object', required: ['Dorfplatz-Voter'], properties: { 'Dorfplatz-Voter': { type: 'string', minLength: 3 } } },
        body: { $ref: 'note#' },
        response: { 200: { type: 'object', properties: { id: { type: 'string' }, colour: { type: 'string' }, text: { type: 'string' } } } },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string }
      const { colour } = request.query as { colour: string }
      const { text } = request.body as { text: string }
      // `secret` is not in the answer's schema: the serializer leaves it out.
      return { id, colour, text, secret: 'not for the client' }
    },
  )
  return app
}

const requests = [
  { headers: { 'dorfplatz-voter': 'abcd' }, url: '/notes/abc', payload: { text: 'Hallo' } },
  { headers: { 'dorfplatz-voter': 'abcd' }, url: '/notes/abc?colour=blue', payload: { text: 'Hallo' } },
  { headers: { 'dorfplatz-voter': 'abcd' }, url: '/notes/ABC', payload: { text: 'Hallo' } },
  { headers: { 'dorfplatz-voter': 'abcd' }, url: '/notes/abc?size=3', payload: { text: 'Hallo' } },
  { headers: { 'dorfplatz-voter': 'ab' }, url: '/notes/abc', payload: { text: 'Hallo' } },
  { headers: {}, url: '/notes/abc', payload: { text: 'Hallo' } },
  { headers: { 'dorfplatz-voter': 'abcd' }, url: '/notes/abc', payload: { text: 'zu lang' } },
  { headers: { 'dorfplatz-voter': 'abcd' }, url: '/notes/abc', payload: { title: 'Hallo' } },
]

describe('lazy schema compilers', () => {
  const apps: FastifyInstance[] = []
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()))
  })

  it("validate and serialise exactly as Fastify's own compilers do", async () => {
    const eager = appWith(false)
    const lazy = appWith(true)
    apps.push(eager, lazy)
    const answers = async (app: FastifyInstance) => {
      const out: Array<{ status: number; body: string }> = []
      for (const request of requests) {
        const response = await app.inject({ method: 'POST', ...request })
        out.push({ status: response.statusCode, body: response.body })
      }
      return out
    }
    const expected = await answers(eager)
    expect(expected.map((answer) => answer.status)).toEqual([200, 200, 400, 400, 400, 400, 400, 400])
    expect(JSON.parse(expected[0]!.body)).toEqual({ id: 'abc', colour: 'yellow', text: 'Hallo' })
    expect(await answers(lazy)).toEqual(expected)
  })

  it('compile a route’s schema on its first request, not when the server starts', async () => {
    const broken = (lazy: boolean) => {
      const app = Fastify({ ajv: AJV, ...(lazy ? { schemaController: lazySchemaController() } : {}) })
      apps.push(app)
      app.post('/broken', { schema: { body: { type: 'no such type' } } }, async () => ({}))
      return app
    }
    await expect(broken(false).ready()).rejects.toThrow()
    const lazy = broken(true)
    await lazy.ready()
    expect((await lazy.inject({ method: 'POST', url: '/broken', payload: {} })).statusCode).toBe(500)
  })
})
