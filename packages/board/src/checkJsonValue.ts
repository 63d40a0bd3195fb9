/**
 * Checks that a value from a peer is plain JSON of bounded nesting and size, without recursion:
 * everything that reads such values afterwards (tldraw's validators, JSON.stringify, Yjs's
 * encoder) recurses once per level, so a deep value must be refused before any of them sees it.
 */

export interface JsonLimits {
  /** Deepest nesting allowed; a scalar at the top is depth 0, `{ a: 1 }` is depth 1. */
  maxDepth: number
  /** Largest size allowed, counted in characters of the value written as JSON. */
  maxChars: number
}

/** Characters a number takes as JSON at most; exactness does not matter for a cap. */
const NUMBER_CHARS = 24

/**
 * Why `value` is not plain JSON within `limits`, or null when it is. `undefined` counts as absent
 * (Yjs carries it, JSON drops it); bigints, byte arrays, functions and class instances are refused.
 */
export function checkJsonValue(value: unknown, { maxDepth, maxChars }: JsonLimits): string | null {
  let chars = 0
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!
    switch (typeof current) {
      case 'string':
        chars += current.length + 2
        break
      case 'number':
        chars += NUMBER_CHARS
        break
      case 'boolean':
        chars += 5
        break
      case 'undefined':
        break
      case 'object': {
        if (current === null) {
          chars += 4
          break
        }
        if (depth >= maxDepth) return `nested deeper than ${maxDepth} levels`
        if (Array.isArray(current)) {
          chars += 2 + current.length
          for (const item of current) stack.push({ value: item, depth: depth + 1 })
          break
        }
        const prototype = Object.getPrototypeOf(current) as unknown
        if (prototype !== Object.prototype && prototype !== null) return 'not plain JSON (an object of a class)'
        for (const key of Object.keys(current)) {
          chars += key.length + 4
          stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 })
        }
        chars += 2
        break
      }
      default:
        return `not plain JSON (a ${typeof current})`
    }
    if (chars > maxChars) return `larger than ${maxChars} characters`
  }
  return null
}
