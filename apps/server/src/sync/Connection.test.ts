import { describe, expect, it } from 'vitest'
import { CloseCode } from '@dorfplatz/protocol'
import { Connection } from './Connection.ts'
import type { SyncObserver } from './SyncObserver.ts'
import { createSocketPair } from './testing/socketPair.ts'

/** An observer that writes down what it is told. */
function recordingObserver() {
  const seen = { in: [] as number[], out: [] as number[], closes: [] as number[] }
  const observer: SyncObserver = {
    socketJoined() {},
    socketLeft() {},
    socketClosedByServer: (code) => seen.closes.push(code),
    messageIn: (bytes) => seen.in.push(bytes),
    messageOut: (bytes) => seen.out.push(bytes),
    updatesAppended() {},
    compacted() {},
    updatesRelayed() {},
  }
  return { observer, seen }
}

describe('Connection and its observer', () => {
  it('reports each message in and out with its size, and the code the server closes with', async () => {
    const { observer, seen } = recordingObserver()
    const { server, client } = createSocketPair()
    const connection = new Connection(server, { observer })
    connection.attach(() => {})
    client.send(new Uint8Array([0, 0, 1, 0]))
    connection.send([new Uint8Array(7), new Uint8Array(3)])
    connection.close(CloseCode.BAD_MESSAGE, 'bad message')
    expect(seen).toEqual({ in: [4], out: [7, 3], closes: [CloseCode.BAD_MESSAGE] })
    expect((await client.closed).code).toBe(CloseCode.BAD_MESSAGE)
  })

  it('counts a socket cut off without a close frame once, as 1006', async () => {
    const { observer, seen } = recordingObserver()
    const { server, client } = createSocketPair()
    const connection = new Connection(server, { observer })
    connection.terminate()
    connection.terminate()
    expect(seen.closes).toEqual([1006])
    expect((await client.closed).code).toBe(1006)
  })

  it('sends the messages of one flush in one write of the connection underneath', () => {
    const { server } = createSocketPair()
    const calls: string[] = []
    const socket = Object.assign(Object.create(server) as typeof server, {
      send: (data: Uint8Array) => calls.push(`send ${data.byteLength}`),
      _socket: { cork: () => calls.push('cork'), uncork: () => calls.push('uncork') },
    })
    const connection = new Connection(socket)
    connection.send([new Uint8Array(7), new Uint8Array(3)])
    connection.send([new Uint8Array(5)])
    expect(calls).toEqual(['cork', 'send 7', 'send 3', 'uncork', 'send 5'])
    connection.close(CloseCode.GOING_AWAY, 'done')
  })
})
