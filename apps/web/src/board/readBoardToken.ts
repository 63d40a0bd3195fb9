/**
 * Reads a board link's token from the URL fragment. The token stays in the
 * fragment (and in the address bar) so the link can be copied again, while
 * browsers never send it to the server in a request line or Referer.
 */
export function readBoardToken(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const token = params.get('token')
  return token && token.length > 0 ? token : null
}
