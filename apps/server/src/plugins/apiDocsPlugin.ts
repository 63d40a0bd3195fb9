/**
 * The API document (OpenAPI 3, at `/api/openapi.json`), generated from the routes' schemas, and a
 * page to read it at `/api/docs`, served with its own assets from this server: no CDN, no
 * validator service. Registered before the routes, so that it sees each of them.
 *
 * Both are built on their first request, in a Fastify instance of their own that carries
 * `@fastify/swagger` and `@fastify/swagger-ui` (with `yaml` and the page's files): a server that is
 * never asked for its API document does not load them. This plugin only notes the routes as they
 * are registered; the first request adds the same routes, with their schemas, to that instance,
 * which makes the same document from them and answers the page's requests as before.
 */
import fp from 'fastify-plugin'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify'

export const OPENAPI_PATH = '/api/openapi.json'
export const API_DOCS_PATH = '/api/docs'

/** Marks the documentation instance's "not found", so that this server answers it with its own. */
const NOT_FOUND_HEADER = 'x-dorfplatz-docs-not-found'

/** Headers of the documentation instance's answers that belong to its connection, not to the answer. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length'])

const OPENAPI_OPTIONS = {
  openapi: '3.0.3',
  info: {
    title: 'Dorfplatz',
    description:
      'The HTTP API of a Dorfplatz server. Board routes take a link token as `Authorization: Bearer …` or `?token=`; ' +
      'boards sync over the WebSocket at `/sync/{boardId}` (y-websocket protocol).',
    version: '0.1.0',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A link token, the admin token, or the metrics token' } },
  },
} as const

/** What the document is made from: the routes (as registered) and the shared schemas of every context. */
interface NotedApi {
  routes: RouteOptions[]
  contexts: FastifyInstance[]
}

/**
 * The documentation instance: the same routes with their schemas (never called, never compiled),
 * `@fastify/swagger` seeing them, and `@fastify/swagger-ui` under API_DOCS_PATH.
 */
async function buildDocs(app: FastifyInstance, noted: NotedApi): Promise<FastifyInstance & { swagger(): unknown }> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([import('@fastify/swagger'), import('@fastify/swagger-ui')])
  const docs = Fastify({ logger: false })
  // Nothing is validated or serialised here: the routes only describe themselves.
  docs.setValidatorCompiler(() => () => true)
  docs.setSerializerCompiler(() => (data) => JSON.stringify(data))
  // As @fastify/swagger collects them: each context's shared schemas, then the root's.
  const schemas = new Map<string, unknown>()
  for (const context of [...noted.contexts, app]) {
    for (const [id, schema] of Object.entries(context.getSchemas())) schemas.set(id, schema)
  }
  for (const schema of schemas.values()) docs.addSchema(schema)
  docs.setNotFoundHandler((_request, reply) => reply.code(404).header(NOT_FOUND_HEADER, '1').send())
  await docs.register(swagger, { openapi: OPENAPI_OPTIONS })
  for (const route of noted.routes) {
    docs.route({ method: route.method, url: route.url, schema: route.schema, config: route.config, handler: async () => null })
  }
  await docs.register(swaggerUi, {
    routePrefix: API_DOCS_PATH,
    uiConfig: { docExpansion: 'list', deepLinking: false, validatorUrl: null },
    // The page loads the document from this server, never from elsewhere.
    transformSpecification: (document) => document,
    theme: { title: 'Dorfplatz API' },
  })
  await docs.ready()
  return docs as FastifyInstance & { swagger(): unknown }
}

export const apiDocsPlugin = fp(
  async (app) => {
    const noted: NotedApi = { routes: [], contexts: [] }
    // What @fastify/swagger would note: every route but the automatic HEAD ones and the hidden ones (the page's own).
    app.addHook('onRoute', (route) => {
      if (route.method !== 'HEAD' && !(route.schema as { hide?: boolean } | undefined)?.hide) noted.routes.push(route)
    })
    app.addHook('onRegister', (context) => {
      noted.contexts.push(context)
    })

    let docs: Promise<FastifyInstance & { swagger(): unknown }> | undefined
    const documentation = () => {
      docs ??= buildDocs(app, noted).catch((error: unknown) => {
        docs = undefined
        throw error
      })
      return docs
    }

    app.get(
      OPENAPI_PATH,
      { schema: { summary: 'This document', response: { 200: { description: 'The OpenAPI 3 document of this API', type: 'object', additionalProperties: true } } } },
      async () => (await documentation()).swagger(),
    )

    /** The page and its files: answered by the documentation instance, with this server's hooks and headers around. */
    const page = async (request: FastifyRequest, reply: FastifyReply) => {
      const answer = await (await documentation()).inject({ method: 'GET', url: request.url, headers: request.headers })
      if (answer.headers[NOT_FOUND_HEADER]) return reply.callNotFound()
      if (answer.statusCode >= 500) throw new Error(`the API documentation answered ${answer.statusCode}`)
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!CONNECTION_HEADERS.has(name) && value !== undefined) reply.header(name, value)
      }
      // An empty answer (a redirect) stays without a body, and so without a content type.
      return reply.code(answer.statusCode).send(answer.rawPayload.length > 0 ? answer.rawPayload : undefined)
    }
    app.get(API_DOCS_PATH, { schema: { hide: true } }, page)
    app.get(`${API_DOCS_PATH}/*`, { schema: { hide: true } }, page)
  },
  { name: 'dorfplatz-api-docs' },
)
