/**
 * With DORFPLATZ_RETENTION_DAYS, deletes the boards nobody opened for that long: once when the
 * server starts (before it answers requests) and then every RETENTION_SWEEP_INTERVAL_MS.
 */
import fp from 'fastify-plugin'
import { deleteExpiredBoards } from '../boards/boardDeletion.ts'

/** Retention counts in days; an hourly look is exact enough and costs one small query. */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60_000

declare module 'fastify' {
  interface FastifyInstance {
    /** Deletes the boards past the retention period now; resolves to their ids (none without retention). */
    sweepExpiredBoards: () => Promise<string[]>
  }
}

export const retentionPlugin = fp<{ retentionDays: number | undefined; now: () => number }>(
  async (app, { retentionDays, now }) => {
    let sweeping: Promise<string[]> = Promise.resolve([])
    const sweep = (): Promise<string[]> => {
      if (retentionDays === undefined) return Promise.resolve([])
      sweeping = sweeping
        .catch(() => [])
        .then(() => deleteExpiredBoards(app.storage, app.rooms, app.log, { retentionDays, now: now() }))
        .catch((error: unknown) => {
          app.log.error({ err: error }, 'deleting boards past the retention period failed; trying again at the next sweep')
          return []
        })
      return sweeping
    }
    app.decorate('sweepExpiredBoards', sweep)
    if (retentionDays === undefined) return
    let timer: NodeJS.Timeout | undefined
    app.addHook('onReady', async () => {
      await sweep()
      timer = setInterval(() => void sweep(), RETENTION_SWEEP_INTERVAL_MS)
      timer.unref()
    })
    app.addHook('preClose', async () => {
      clearInterval(timer)
      await sweeping
    })
  },
  { name: 'dorfplatz-retention', dependencies: ['dorfplatz-storage', 'dorfplatz-rooms'] },
)
