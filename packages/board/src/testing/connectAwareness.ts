/**
 * Wires awareness instances together as the sync server would, delivering every change at once.
 */
import * as awarenessProtocol from 'y-protocols/awareness'

const RELAYED = Symbol('relayed awareness')

type Change = { added: number[]; updated: number[]; removed: number[] }

export function connectAwareness(...instances: awarenessProtocol.Awareness[]): void {
  for (const from of instances) {
    from.on('update', ({ added, updated, removed }: Change, origin: unknown) => {
      if (origin === RELAYED) return
      const update = awarenessProtocol.encodeAwarenessUpdate(from, [...added, ...updated, ...removed])
      for (const to of instances) if (to !== from) awarenessProtocol.applyAwarenessUpdate(to, update, RELAYED)
    })
  }
}
