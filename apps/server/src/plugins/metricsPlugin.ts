/**
 * Prometheus metrics at `/metrics`: what the sync layer reports through its observer, HTTP
 * requests by route pattern and status, and prom-client's process metrics (memory, event-loop
 * delay). Off unless the operator asks for it: with DORFPLATZ_METRICS_TOKEN the main listener
 * answers callers that bring the token; with DORFPLATZ_METRICS_ADDRESS a separate listener (for
 * a loopback or internal address) serves it, and asks for the token too when one is set.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.ts'
import type { DorfplatzMetrics } from './dorfplatzMetrics.ts'
import { secretsEqual } from '../tokens.ts'

export const METRICS_PATH = '/metrics'

declare module 'fastify' {
  interface FastifyInstance {
    /** The metrics, when the operator turned them on (DORFPLATZ_METRICS_TOKEN or DORFPLATZ_METRICS_ADDRESS). */
    metrics: DorfplatzMetrics | undefined
    /** The address of the separate metrics listener once it listens (DORFPLATZ_METRICS_ADDRESS). */
    metricsAddress: () => AddressInfo | undefined
  }
}

/** Whether the operator turned metrics on. */
export function metricsEnabled(config: Config): boolean {
  return config.metricsToken !== undefined || config.metricsAddress !== undefined
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined
}

/** Decorates `app.metrics` (before the rooms are made, which report to it) and serves it as configured. */
export const metricsPlugin = fp<{ config: Config }>(
  async (app: FastifyInstance, { config }) => {
    // The registry asks for the boards when scraped; the rooms are decorated later.
    const metrics = metricsEnabled(config)
      ? new (await import('./dorfplatzMetrics.ts')).DorfplatzMetrics(() => app.rooms?.loadedBoards ?? 0)
      : undefined
    app.decorate('metrics', metrics)
    const separate = metrics && config.metricsAddress ? http.createServer() : undefined
    app.decorate('metricsAddress', () => (separate?.listening ? (separate.address() as AddressInfo) : undefined))
    if (!metrics) return

    app.addHook('onResponse', async (request, reply) => {
      // The route's pattern, never the raw URL: ids and tokens must not become label values.
      const route = request.routeOptions.url ?? 'unmatched'
      metrics.httpRequests.labels({ method: request.method, route, status: String(reply.statusCode) }).inc()
    })

    const allowed = (authorization: string | undefined) => {
      if (config.metricsToken === undefined) return true
      const token = bearer(authorization)
      return token !== undefined && secretsEqual(token, config.metricsToken)
    }

    if (config.metricsToken !== undefined) {
      app.get(
        METRICS_PATH,
        {
          logLevel: 'warn',
          schema: {
            summary: 'Prometheus metrics (with DORFPLATZ_METRICS_TOKEN as Bearer token)',
            headers: { type: 'object', properties: { authorization: { type: 'string' } } },
            response: {
              200: { description: 'Metrics in the Prometheus text format', type: 'string' },
              401: { $ref: 'apiError#' },
            },
          },
        },
        async (request, reply) => {
          if (!allowed(request.headers.authorization)) {
            return reply
              .code(401)
              .header('www-authenticate', 'Bearer')
              .send({ statusCode: 401, error: 'Unauthorized', message: 'The metrics need the metrics token.' })
          }
          return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
        },
      )
    }

    const address = config.metricsAddress
    if (address === undefined || separate === undefined) return
    separate.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      const path = (request.url ?? '').split('?')[0]
      if (request.method !== 'GET' || path !== METRICS_PATH) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.\n')
        return
      }
      if (!allowed(request.headers.authorization)) {
        response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('The metrics need the metrics token.\n')
        return
      }
      metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (error: unknown) => {
          app.log.error({ err: error }, 'metrics could not be collected')
          response.writeHead(500, { 'content-type': 'text/plain' }).end('The metrics could not be collected.\n')
        },
      )
    })
    const server = separate
    // It listens once the app is ready (before the main listener, so a taken port stops the start) and closes with it.
    app.addHook('onReady', async () => {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(address.port, address.host, () => {
          server.off('error', reject)
          resolve()
        })
      })
      app.log.info({ address: `${address.host}:${(server.address() as AddressInfo).port}` }, 'metrics listening')
    })
    app.addHook('onClose', async () => {
      if (!server.listening) return
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    })
  },
  { name: 'dorfplatz-metrics' },
)
