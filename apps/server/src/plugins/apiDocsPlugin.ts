/**
 * The API document (OpenAPI 3, at `/api/openapi.json`), generated from the routes' schemas, and a
 * page to read it at `/api/docs`, served with its own assets from this server: no CDN, no
 * validator service. Registered before the routes, so that it sees each of them.
 */
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

export const OPENAPI_PATH = '/api/openapi.json'
export const API_DOCS_PATH = '/api/docs'

export const apiDocsPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
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
      },
    })
    app.get(
      OPENAPI_PATH,
      { schema: { summary: 'This document', response: { 200: { description: 'The OpenAPI 3 document of this API', type: 'object', additionalProperties: true } } } },
      async () => app.swagger(),
    )
    await app.register(swaggerUi, {
      routePrefix: API_DOCS_PATH,
      uiConfig: { docExpansion: 'list', deepLinking: false, validatorUrl: null },
      // The page loads the document from this server, never from elsewhere.
      transformSpecification: (document) => document,
      theme: { title: 'Dorfplatz API' },
    })
  },
  { name: 'dorfplatz-api-docs' },
)
