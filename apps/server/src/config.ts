/**
 * The server's configuration, read from the environment once, validated, and
 * passed down from there. No other module reads `process.env`.
 */
import { isIP } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_TIME_ZONE, isTimeZone } from '@dorfplatz/protocol'
// zod's tree-shakable form, bundled: the server carries only the checks used here (see build.mjs).
import * as z from 'zod/mini'
import en from 'zod/v4/locales/en.js'
import { originOf } from './originOf.ts'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Where the built web app lies, seen from this file both as source (src/) and as bundle (dist/). */
const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist')

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value)
/** Reads an empty variable as an unset one. */
const unlessEmpty = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(emptyToUndefined), schema)
/** A problem found while reading a value, reported under the variable's name like zod's own. */
const addIssue = (context: { issues: unknown[] }, input: unknown, message: string) => context.issues.push({ code: 'custom', message, input })

// The messages of zod's own checks, in English (the full `zod` loads them itself).
z.config(en())

const envSchema = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)), 8080),
  HOST: z._default(z.string().check(z.minLength(1)), '127.0.0.1'),
  DORFPLATZ_DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  DORFPLATZ_DATABASE_URL: unlessEmpty(z.optional(z.url({ protocol: /^postgres(ql)?$/ }))),
  DORFPLATZ_REDIS_URL: unlessEmpty(z.optional(z.url({ protocol: /^rediss?$/ }))),
  DORFPLATZ_PUBLIC_URL: unlessEmpty(
    z.optional(z.pipe(z.url({ protocol: /^https?$/ }), z.transform((url: string) => url.replace(/\/+$/, '')))),
  ),
  DORFPLATZ_ADMIN_TOKEN: unlessEmpty(z.optional(z.string().check(z.minLength(16)))),
  DORFPLATZ_TRUST_PROXY: z.pipe(
    z._default(z.string(), 'false'),
    z.transform((value: string, context): boolean | string[] => {
      if (value === 'true' || value === 'false' || value === '') return value === 'true'
      const entries = value.split(',').map((part) => part.trim()).filter(Boolean)
      for (const entry of entries) {
        const [address = '', bits] = entry.split('/')
        if (isIP(address) === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
          addIssue(context, value, `${entry} is not an IP address or CIDR range (or use true / false)`)
        }
      }
      return entries
    }),
  ),
  TLDRAW_LICENSE_KEY: z._default(z.string(), ''),
  DORFPLATZ_WEB_DIR: z._default(z.string().check(z.minLength(1)), DEFAULT_WEB_DIR),
  DORFPLATZ_IDLE_UNLOAD_MS: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 30_000),
  DORFPLATZ_ALLOWED_ORIGINS: z.pipe(
    z._default(z.string(), ''),
    z.transform((value: string, context) => {
      const origins: string[] = []
      for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
        const origin = originOf(entry)
        if (origin === null) addIssue(context, value, `${entry} is not an http(s) origin`)
        else origins.push(origin)
      }
      return origins
    }),
  ),
  DORFPLATZ_RATE_LIMIT_PER_MINUTE: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 1200),
  DORFPLATZ_BOARDS_PER_HOUR: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 60),
  DORFPLATZ_TIME_ZONE: unlessEmpty(
    z._default(z.string().check(z.refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' })), DEFAULT_TIME_ZONE),
  ),
  DORFPLATZ_ACCESSIBILITY_CONTACT: unlessEmpty(z._default(z.string().check(z.trim(), z.maxLength(300)), '')),
  DORFPLATZ_RETENTION_DAYS: unlessEmpty(z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(36_500)))),
  DORFPLATZ_METRICS_TOKEN: unlessEmpty(z.optional(z.string().check(z.minLength(16)))),
  DORFPLATZ_METRICS_ADDRESS: unlessEmpty(
    z.optional(
      z.pipe(
        z.string().check(z.regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):\d{1,5}$/, 'must be host:port, such as 127.0.0.1:9464')),
        z.transform((value: string, context) => {
          const split = value.lastIndexOf(':')
          const port = Number(value.slice(split + 1))
          if (port > 65535) addIssue(context, value, 'the port must be at most 65535')
          return { host: value.slice(0, split).replace(/^\[(.*)\]$/, '$1'), port }
        }),
      ),
    ),
  ),
  LOG_LEVEL: z._default(z.enum(LOG_LEVELS), 'info'),
})

export interface Config {
  port: number
  host: string
  /** Directory of the SQLite file (when no databaseUrl is set). */
  dataDir: string
  /** PostgreSQL to store everything in instead of SQLite (`postgres://…`). */
  databaseUrl: string | undefined
  /** Redis through which several instances serve the same boards (`redis://…`). */
  redisUrl: string | undefined
  /** Public origin for links (e.g. https://dorfplatz.example-gemeinde.de); derived from each request when unset. */
  publicUrl: string | undefined
  /** When set, creating and listing boards, and writing own templates, needs `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined
  /**
   * Whose X-Forwarded-* headers to believe (client address, protocol, host): `true` any hop's,
   * `false` nobody's, or only those of these proxy addresses / CIDR ranges.
   */
  trustProxy: boolean | string[]
  tldrawLicenseKey: string
  webDir: string
  /** How long a board nobody has open stays in memory. */
  idleUnloadMs: number
  /** Origins of other sites whose pages may open board sockets, besides this server's own and publicUrl's. */
  allowedOrigins: string[]
  /** API requests one address may make per minute (0: no limit). */
  rateLimitPerMinute: number
  /** Boards one address may create per hour (0: no limit). */
  boardsPerHour: number
  /** The workshop's IANA time zone: the dates in file names, the report and the PDF follow it. */
  timeZone: string
  /** Where people report barriers (an e-mail address, a phone number or a web address), shown in the accessibility statement. */
  accessibilityContact: string
  /** Days after which a board nobody opened is deleted; undefined keeps boards until someone deletes them. */
  retentionDays: number | undefined
  /** When set, `/metrics` on the main listener answers callers with `Authorization: Bearer <metricsToken>`. */
  metricsToken: string | undefined
  /** When set, `/metrics` is also served on this separate listener (e.g. only on loopback or an internal network). */
  metricsAddress: { host: string; port: number } | undefined
  logLevel: (typeof LOG_LEVELS)[number]
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`)
  }
  const e = parsed.data
  if (e.DORFPLATZ_REDIS_URL && !e.DORFPLATZ_DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DORFPLATZ_REDIS_URL: several instances need one database; set DORFPLATZ_DATABASE_URL (PostgreSQL) too',
    )
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DORFPLATZ_DATA_DIR),
    databaseUrl: e.DORFPLATZ_DATABASE_URL,
    redisUrl: e.DORFPLATZ_REDIS_URL,
    publicUrl: e.DORFPLATZ_PUBLIC_URL,
    adminToken: e.DORFPLATZ_ADMIN_TOKEN,
    trustProxy: e.DORFPLATZ_TRUST_PROXY,
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    webDir: path.resolve(e.DORFPLATZ_WEB_DIR),
    idleUnloadMs: e.DORFPLATZ_IDLE_UNLOAD_MS,
    allowedOrigins: e.DORFPLATZ_ALLOWED_ORIGINS,
    rateLimitPerMinute: e.DORFPLATZ_RATE_LIMIT_PER_MINUTE,
    boardsPerHour: e.DORFPLATZ_BOARDS_PER_HOUR,
    timeZone: e.DORFPLATZ_TIME_ZONE,
    accessibilityContact: e.DORFPLATZ_ACCESSIBILITY_CONTACT,
    retentionDays: e.DORFPLATZ_RETENTION_DAYS,
    metricsToken: e.DORFPLATZ_METRICS_TOKEN,
    metricsAddress: e.DORFPLATZ_METRICS_ADDRESS,
    logLevel: e.LOG_LEVEL,
  }
}
