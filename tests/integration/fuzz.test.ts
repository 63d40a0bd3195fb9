/**
 * A short seeded fuzz run (see tests/fuzz/fuzzRun.ts; `pnpm fuzz` runs a long one): whatever the
 * hostile sockets send, the server stays up, the honest clients on the attacked board and next
 * door are never closed and converge, and everything they saw relayed survives a `kill -9`.
 */
import { expect, it } from 'vitest'
import { runFuzz } from '../fuzz/fuzzRun.ts'

const SEED = Number(process.env.DORFPLATZ_FUZZ_SEED ?? 20261206)
const MESSAGES = Number(process.env.DORFPLATZ_FUZZ_MESSAGES ?? 1500)

it(`keeps the server, the attacked board and its neighbour working through ${MESSAGES} hostile messages (seed ${SEED})`, async () => {
  const report = await runFuzz({ seed: SEED, messages: MESSAGES, concurrency: 8 })
  expect(report.messagesSent).toBe(MESSAGES)
  expect(report.serverAlive).toBe(true)
  expect(report.healthStatus).toBe(200)
  expect(report.isolatedBoards).toBe(0)
  expect(report.honestCloses).toEqual({})
  expect(report.converged).toBe(true)
  expect(report.lostAfterKill).toBe(0)
  // The attack was refused, not waved through: the server closed sockets with the documented codes.
  expect(report.closeCodes['4400']).toBeGreaterThan(0)
  expect(report.closeCodes['4403']).toBeGreaterThan(0)
  const unexpected = Object.keys(report.closeCodes).filter((code) => !['answered', '4400', '4403', '4413', '4429'].includes(code))
  expect(unexpected).toEqual([])
}, 240_000)
