/**
 * The Dorfplatz process: reads the configuration, starts the server, and on
 * SIGINT or SIGTERM persists every board and closes every socket with 1001
 * before it exits.
 */
import { ConfigError, loadConfig } from './config.ts'
import { buildApp } from './app.ts'

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 10_000

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const app = await buildApp(config)
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    // Every update was stored before anyone saw it, so exiting before the graceful close has
    // finished loses nothing; it only skips the last compaction. Never hang on a stuck client.
    setTimeout(() => {
      app.log.warn({ resources: process.getActiveResourcesInfo() }, 'graceful shutdown took too long; exiting')
      process.exit(0)
    }, SHUTDOWN_DEADLINE_MS).unref()
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host
  const url = config.publicUrl ?? `http://${shownHost}:${port}`
  // Where the boards are kept, without the database's password.
  const data = config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname}` : config.dataDir
  app.log.info({ url, data }, 'Dorfplatz is running')
  console.log(`\n  Dorfplatz läuft auf ${url}   (Daten: ${data})\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
