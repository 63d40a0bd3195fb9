#!/usr/bin/env node
// Makes a checkout ready to run: installs dependencies with the pinned pnpm
// (fetched through npm when it is not installed) and builds the web app and
// the server when their sources are newer than the build. `--no-build` skips
// the build (for `pnpm dev`).
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PNPM_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1]

function pnpmCommand() {
  try {
    const version = execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    if (version.split('.')[0] === PNPM_VERSION.split('.')[0]) return ['pnpm']
  } catch {
    // not installed: fall through to npx
  }
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`]
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`\n✗ ${[command, ...args].join(' ')} failed`)
    process.exit(result.status ?? 1)
  }
}

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

const [pnpm, ...pnpmArgs] = pnpmCommand()
const lockfile = path.join(ROOT, 'pnpm-lock.yaml')
const installedMarker = path.join(ROOT, 'node_modules/.modules.yaml')
if (!fs.existsSync(installedMarker) || fs.statSync(installedMarker).mtimeMs < fs.statSync(lockfile).mtimeMs) {
  console.log('→ Installing dependencies …')
  run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile'])
}

if (!process.argv.includes('--no-build')) {
  const outputs = ['apps/web/dist/index.html', 'apps/server/dist/server.js', 'apps/server/dist/cli.js'].map((file) => path.join(ROOT, file))
  const builtAt = Math.min(...outputs.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)))
  const sourcesAt = Math.max(
    ...['apps/web', 'apps/server', 'packages', 'pnpm-lock.yaml', 'tsconfig.base.json'].map((dir) => newestMtime(path.join(ROOT, dir))),
  )
  if (builtAt < sourcesAt) {
    console.log('→ Building Dorfplatz …')
    run(pnpm, [...pnpmArgs, 'build'])
  }
}
