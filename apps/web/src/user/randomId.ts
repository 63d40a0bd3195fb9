/**
 * A random id from `crypto.getRandomValues`, which, unlike
 * `crypto.randomUUID`, also exists on plain-http origins such as a server in
 * the town hall's local network.
 */
export function randomId(bytes = 16): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes))
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('')
}
