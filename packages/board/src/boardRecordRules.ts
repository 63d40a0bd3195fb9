/**
 * What Dorfplatz asks of a board record beyond tldraw's own validators: nothing on a board may
 * make a browser fetch from another site on its own (Dorfplatz sends nothing to anyone else), and
 * no link may run script when clicked. tldraw's validators allow remote image sources, embedded
 * iframes and any link inside rich text; these rules close that.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { strategyMetaViolation } from './strategyMeta.ts'

/** Schemes a link may have: it is only followed when someone clicks it. */
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto'])

/** Browsers ignore these characters inside a URL, so `java\tscript:` is `javascript:`. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IGNORED_URL_CHARS = /[\u0000-\u0020\u007f]/g

function urlScheme(url: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(IGNORED_URL_CHARS, ''))
  return match ? match[1]!.toLowerCase() : null
}

/** A link target: relative, or one of LINK_SCHEMES. */
export function isSafeLink(url: string): boolean {
  const scheme = urlScheme(url)
  return scheme === null || LINK_SCHEMES.has(scheme)
}

/** A picture's source that loads nothing from anywhere: empty, or an inline data URL of that kind. */
function isInlineSource(url: string | null, kinds: readonly string[]): boolean {
  if (url === null || url === '') return true
  const compact = url.replace(IGNORED_URL_CHARS, '').toLowerCase()
  return kinds.some((kind) => compact.startsWith(`data:${kind}/`))
}

/** Every `href` in a value (rich text keeps its links as marks with `attrs.href`), found without recursion. */
function unsafeHref(value: unknown): string | null {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (typeof current !== 'object' || current === null) continue
    if (Array.isArray(current)) {
      stack.push(...current)
      continue
    }
    for (const [key, inner] of Object.entries(current)) {
      if (key === 'href' && typeof inner === 'string' && !isSafeLink(inner)) return inner
      if (typeof inner === 'object' && inner !== null) stack.push(inner)
    }
  }
  return null
}

/**
 * Why a record that tldraw's validators accepted may still not be on a board, or null. The
 * record's size and nesting are checked before (see validateBoardRecord).
 */
export function boardRecordRuleViolation(record: TLRecord): string | null {
  switch (record.typeName) {
    case 'shape': {
      if (record.type === 'embed') return 'embedded content from other sites is not allowed on a board'
      const href = unsafeHref(record.props)
      if (href !== null) return `a link with an unsafe scheme (${JSON.stringify(href.slice(0, 40))})`
      return strategyMetaViolation(record.meta)
    }
    case 'asset': {
      if (record.type === 'bookmark') {
        const { image, favicon } = record.props
        if (!isInlineSource(image, ['image']) || !isInlineSource(favicon, ['image'])) {
          return 'a link preview may only show pictures stored on the board'
        }
        return null
      }
      const kinds = record.type === 'video' ? ['video'] : ['image']
      if (!isInlineSource(record.props.src, kinds)) return `an ${record.type} must be stored on the board, not loaded from elsewhere`
      return null
    }
    default:
      return null
  }
}
