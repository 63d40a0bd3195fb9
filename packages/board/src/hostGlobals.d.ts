/**
 * The one host global this package uses, present in every browser and in Node. Declaring just
 * this, instead of pulling in the DOM or Node type libraries, keeps the board package from
 * growing a dependency on either host by accident. Timers come from lib0/eventloop.
 */
declare const console: {
  warn(...data: unknown[]): void
}
