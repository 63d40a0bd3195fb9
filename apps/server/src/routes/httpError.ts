/** HTTP errors with a status code that the error handler passes on with their message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
  }
}

export const httpError = (statusCode: number, message: string) => new HttpError(statusCode, message)
