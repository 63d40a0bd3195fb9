/**
 * Connects Y.Docs the way the sync server does (every update reaches every other doc) but
 * delivers the queued updates one at a time in an order a seeded PRNG picks, like the
 * connector of yjs's own tests. Updates between one pair of docs stay in order, as on a socket.
 */
import * as prng from 'lib0/prng'
import * as Y from 'yjs'

/** Origin of updates the network applies, so that the receiving doc does not send them on. */
const DELIVERED = Symbol('delivered by TestNetwork')

export class TestNetwork {
  private readonly docs: Y.Doc[] = []
  /** receiver → sender → updates waiting to be delivered, oldest first */
  private readonly queues = new Map<Y.Doc, Map<Y.Doc, Uint8Array[]>>()

  constructor(private readonly random: prng.PRNG) {}

  /** Adds a doc that starts from `initialState` (what the first sync would bring). */
  connect(doc: Y.Doc, initialState?: Uint8Array): void {
    if (initialState) Y.applyUpdate(doc, initialState, DELIVERED)
    this.queues.set(doc, new Map())
    for (const other of this.docs) {
      this.queueOf(doc).set(other, [])
      this.queueOf(other).set(doc, [])
    }
    this.docs.push(doc)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === DELIVERED) return
      for (const other of this.docs) if (other !== doc) this.queueOf(other).get(doc)?.push(update)
    })
  }

  /** Delivers one waiting update, chosen at random; false when nothing is waiting. */
  deliverOne(): boolean {
    const waiting: Array<[Y.Doc, Uint8Array[]]> = []
    for (const [receiver, bySender] of this.queues) {
      for (const updates of bySender.values()) if (updates.length > 0) waiting.push([receiver, updates])
    }
    if (waiting.length === 0) return false
    const [receiver, updates] = prng.oneOf(this.random, waiting)
    const update = updates.shift()
    if (update) Y.applyUpdate(receiver, update, DELIVERED)
    return true
  }

  /** Delivers up to `count` waiting updates. */
  deliverSome(count: number): void {
    for (let i = 0; i < count && this.deliverOne(); i++);
  }

  /** How many updates are waiting, over all pairs of docs. */
  waiting(): number {
    let count = 0
    for (const bySender of this.queues.values()) for (const updates of bySender.values()) count += updates.length
    return count
  }

  /** Delivers until nothing is waiting, including what deliveries cause in turn. */
  deliverAll(): void {
    while (this.deliverOne());
  }

  private queueOf(doc: Y.Doc): Map<Y.Doc, Uint8Array[]> {
    const queue = this.queues.get(doc)
    if (!queue) throw new Error('TestNetwork: doc is not connected')
    return queue
  }
}
