/** The origin of an http(s) URL, as browsers send it in the Origin header. */

/** `scheme://host[:port]` of an http(s) URL in lower case, without a default port; null for anything else. */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin.toLowerCase() : null
  } catch {
    return null
  }
}
