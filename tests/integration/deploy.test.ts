/**
 * The systemd unit in deploy/systemd: systemd itself accepts it, and it keeps the promises the
 * README makes for it (an unprivileged user, restarts on failure, a read-only system with the data
 * folder as the only writable path).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const UNIT = path.join(ROOT, 'deploy/systemd/dorfplatz.service')
const SYSTEMD_ANALYZE = process.env.SYSTEMD_ANALYZE ?? '/usr/bin/systemd-analyze'
const hasSystemdAnalyze = fs.existsSync(SYSTEMD_ANALYZE)

/** Every value of `key` in the unit file, in order. */
function values(unit: string, key: string): string[] {
  return unit
    .split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1).trim())
}

describe('systemd unit', () => {
  const unit = fs.readFileSync(UNIT, 'utf8')

  it('runs unprivileged, restarts on failure, and may write only its data folder', () => {
    const user = values(unit, 'User')
    expect(user).toHaveLength(1)
    expect(user[0]).not.toBe('root')
    expect(values(unit, 'Restart')).toEqual(['on-failure'])
    expect(values(unit, 'NoNewPrivileges')).toEqual(['true'])
    expect(values(unit, 'ProtectSystem')).toEqual(['strict'])
    expect(values(unit, 'ProtectHome')).toEqual(['true'])
    expect(values(unit, 'CapabilityBoundingSet')).toEqual([''])
    const dataDir = values(unit, 'Environment').find((setting) => setting.startsWith('DORFPLATZ_DATA_DIR='))?.split('=')[1]
    expect(dataDir).toBe('/var/lib/dorfplatz')
    expect(values(unit, 'ReadWritePaths')).toEqual([dataDir])
    expect(values(unit, 'StateDirectory')).toEqual(['dorfplatz'])
    // The graceful shutdown (every board stored, sockets closed with 1001) fits in the stop timeout.
    expect(values(unit, 'KillSignal')).toEqual(['SIGTERM'])
    expect(Number(values(unit, 'TimeoutStopSec')[0])).toBeGreaterThan(10)
  })

  it.skipIf(!hasSystemdAnalyze)('passes systemd-analyze verify (skipped where systemd-analyze is not installed)', () => {
    const result = spawnSync(SYSTEMD_ANALYZE, ['verify', UNIT], { encoding: 'utf8' })
    // Complaints about the unit name its file; those about the machine (no running systemd) do not.
    const complaints = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes('dorfplatz.service'))
    expect(complaints).toEqual([])
    expect(result.status).toBe(0)
  })
})
