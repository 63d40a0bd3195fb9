/** An error that ends one connection with a documented close code. */
import { CloseCode } from '@dorfplatz/protocol'

export class ProtocolError extends Error {
  constructor(
    readonly code: CloseCode,
    message: string,
  ) {
    super(message)
  }
}

export const badMessage = (why: string) => new ProtocolError(CloseCode.BAD_MESSAGE, why)
export const forbidden = (why: string) => new ProtocolError(CloseCode.FORBIDDEN, why)
