/**
 * Dorfplatz behind nginx with HTTPS, as deploy/nginx/dorfplatz-https.conf sets it up: a
 * self-signed certificate made here with openssl, nginx from Debian on loopback ports in front
 * of the built server. Over HTTPS two browsers edit one board live, the service worker installs,
 * the server's security headers arrive unchanged, and nothing is requested from elsewhere.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { request as playwrightRequest, type Page } from '@playwright/test'
import type { CreatedBoard } from '@dorfplatz/protocol'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts'
import { freePort } from '../../apps/server/test/services/testServices.ts'
import { startNginx, type NginxProcess } from '../integration/cluster.ts'
import { startServerProcess, type ServerProcess } from '../integration/serverProcess.ts'
import { expect, nonLocalRequests, openBoard, test } from './boardFixtures.ts'
import { addNote, noteWithText } from './notes.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The headers the server sets for security; nginx must pass each of them through as it is. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
]

// Chromium registers no service worker for an origin whose certificate it had to be told to
// ignore per context (ignoreHTTPSErrors); for the whole browser, it does.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } })

let dir: string
let server: ServerProcess
let nginx: NginxProcess
let httpsUrl: string
let httpPort: number

/** Whether something accepts connections on `port` of the loopback address. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

test.beforeAll(async () => {
  test.setTimeout(60_000)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dorfplatz-https-'))
  const cert = path.join(dir, 'cert.pem')
  const key = path.join(dir, 'key.pem')
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' })

  server = await startServerProcess({
    dataDir: fs.mkdtempSync(path.join(dir, 'data-')),
    entry: 'built',
    // As the configuration's header says: trust the X-Forwarded-* headers of this proxy only.
    env: { DORFPLATZ_TRUST_PROXY: '127.0.0.1' },
  })
  const httpsPort = await freePort()
  httpPort = await freePort()
  const site = fs
    .readFileSync(path.join(ROOT, 'deploy/nginx/dorfplatz-https.conf'), 'utf8')
    // Loopback ports instead of 80 and 443, and this machine's certificate.
    .replace(/^\s*listen \[::\].*$/gm, '')
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
    .replace('server 127.0.0.1:8080;', `server 127.0.0.1:${server.port};`)
    .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${cert};`)
    .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${key};`)
  expect(site).toContain(`127.0.0.1:${server.port}`)
  nginx = await startNginx(site, () => listening(httpsPort))
  httpsUrl = `https://127.0.0.1:${httpsPort}`
})

test.afterAll(async () => {
  nginx?.stop()
  await server?.kill('SIGTERM')
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  if (nginx) fs.rmSync(nginx.dir, { recursive: true, force: true })
})

test('over HTTPS through nginx: two browsers edit one board live, the service worker installs, headers arrive intact', async ({
  newBrowser,
  requestLog,
}) => {
  test.setTimeout(90_000)
  const api = await playwrightRequest.newContext({ baseURL: httpsUrl, ignoreHTTPSErrors: true })
  const created = await api.post('/api/boards', { data: { title: 'Über HTTPS' } })
  expect(created.status()).toBe(201)
  const board = (await created.json()) as CreatedBoard
  // The server believed nginx's X-Forwarded-Proto and -Host: its links are the HTTPS address.
  expect(board.links.participant).toMatch(new RegExp(`^${httpsUrl}/b/`))

  // Plain HTTP only sends browsers to HTTPS.
  const plain = await api.get(`http://127.0.0.1:${httpPort}/b/${board.id}`, { maxRedirects: 0 })
  expect(plain.status()).toBe(301)
  expect(plain.headers().location).toMatch(/^https:\/\/127\.0\.0\.1\//)
  await api.dispose()

  const anna = await (await newBrowser({ ignoreHTTPSErrors: true })).newPage()
  const annasAnswer = anna.waitForResponse((response) => response.url().startsWith(`${httpsUrl}/b/`))
  await openBoard(anna, board.links.facilitator, 'Anna Moderation')
  const bernd = await (await newBrowser({ ignoreHTTPSErrors: true })).newPage()
  await openBoard(bernd, board.links.participant, 'Bernd Bürgermeister')

  await addNote(anna, 'Glasfaser für alle Ortsteile', { x: 400, y: 300 })
  await expect(noteWithText(bernd, 'Glasfaser für alle Ortsteile')).toBeVisible()
  await addNote(bernd, 'Dorf-App für Vereine', { x: 700, y: 300 })
  await expect(noteWithText(anna, 'Dorf-App für Vereine')).toBeVisible()

  // The service worker installs over HTTPS.
  await anna.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null, undefined, { timeout: 20_000 })

  // The security headers as the server sends them, unchanged by nginx.
  const direct = await fetch(`${server.url}/b/${board.id}`)
  const proxied = (await annasAnswer).headers()
  for (const name of SECURITY_HEADERS) {
    expect(direct.headers.get(name), name).toBeTruthy()
    expect(proxied[name], name).toBe(direct.headers.get(name))
  }

  await expectNothingFromElsewhere(anna, requestLog)
})

test('the API page over HTTPS loads nothing from elsewhere', async ({ newBrowser, requestLog }) => {
  const page = await (await newBrowser({ ignoreHTTPSErrors: true })).newPage()
  await page.goto(`${httpsUrl}/api/docs`)
  await expect(page.getByText('/api/boards/{id}/snapshots', { exact: true }).first()).toBeVisible()
  await expectNothingFromElsewhere(page, requestLog)
})

async function expectNothingFromElsewhere(page: Page, requestLog: string[]): Promise<void> {
  await page.waitForLoadState('networkidle')
  expect(nonLocalRequests(requestLog)).toEqual([])
  expect(requestLog.some((url) => url.startsWith(httpsUrl))).toBe(true)
}
