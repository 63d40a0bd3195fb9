/**
 * Reports skipped input once per binding: a peer that keeps sending bad records would
 * otherwise flood the console with one line per record and per change.
 */
export type WarnOnce = (message: string) => void

export function createWarnOnce(context: string): WarnOnce {
  let warned = false
  return (message) => {
    if (warned) return
    warned = true
    console.warn(`Dorfplatz ${context}: ${message} (further problems of this binding are not reported)`)
  }
}
