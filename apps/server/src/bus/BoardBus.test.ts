import { describe, expect, it } from 'vitest'
import { decodeBusMessage, encodeBusMessage, type BusMessage } from './BoardBus.ts'

describe('bus messages', () => {
  it.each<BusMessage>([
    { kind: 'update', from: 'instance-a', previousSeq: 4, lastSeq: 7, update: new Uint8Array([1, 2, 3]) },
    { kind: 'presence', from: 'instance-b', update: new Uint8Array([9]) },
    { kind: 'deleted', from: 'instance-c' },
  ])('read back what was written: $kind', (message) => {
    expect(decodeBusMessage(encodeBusMessage(message))).toEqual(message)
  })

  it('reads bytes that are not a message as null', () => {
    expect(decodeBusMessage(new Uint8Array([]))).toBeNull()
    expect(decodeBusMessage(new Uint8Array([99, 0]))).toBeNull()
  })
})
