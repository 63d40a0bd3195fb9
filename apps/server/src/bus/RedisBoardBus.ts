/**
 * The board bus over Redis pub/sub (ioredis): one channel per board, subscribed while an
 * instance has the board loaded. Redis keeps nothing: a message sent while an instance was cut
 * off is gone, and that instance catches up from the database when the bus is back.
 */
import crypto from 'node:crypto'
import { Redis } from 'ioredis'
import type { FastifyBaseLogger } from 'fastify'
import { decodeBusMessage, encodeBusMessage, type BoardBus, type BusMessage } from './BoardBus.ts'

const CHANNEL_PREFIX = 'dorfplatz:board:'

export class RedisBoardBus implements BoardBus {
  readonly instanceId = crypto.randomUUID()
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly listeners = new Map<string, (message: BusMessage) => void>()
  private readonly reconnectListeners: Array<() => void> = []
  private lost = false

  constructor(url: string, private readonly log: FastifyBaseLogger) {
    // Nothing is queued while Redis is away: a late message is a stale one, and memory stays flat.
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }
    this.publisher = new Redis(url, options)
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null })
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => this.log.debug({ err: error }, 'redis connection error'))
    }
    this.subscriber.on('close', () => {
      if (!this.lost) this.log.warn('lost the connection to Redis; boards keep being served from this instance and the database')
      this.lost = true
    })
    this.subscriber.on('ready', () => {
      if (!this.lost) return
      this.lost = false
      this.log.info('connected to Redis again; catching up from the database')
      for (const listener of this.reconnectListeners) listener()
    })
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const boardId = channel.toString().slice(CHANNEL_PREFIX.length)
      const listener = this.listeners.get(boardId)
      const decoded = listener && decodeBusMessage(new Uint8Array(message))
      if (decoded && decoded.from !== this.instanceId) listener(decoded)
    })
  }

  publish(boardId: string, message: BusMessage): void {
    this.publisher.publish(CHANNEL_PREFIX + boardId, Buffer.from(encodeBusMessage(message))).catch(() => {
      // Lost: the other instances catch up from the database.
    })
  }

  subscribe(boardId: string, listener: (message: BusMessage) => void): void {
    this.listeners.set(boardId, listener)
    this.subscriber.subscribe(CHANNEL_PREFIX + boardId).catch(() => undefined)
  }

  unsubscribe(boardId: string): void {
    this.listeners.delete(boardId)
    this.subscriber.unsubscribe(CHANNEL_PREFIX + boardId).catch(() => undefined)
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener)
  }

  /** Whether the bus is connected now (for /healthz). */
  get connected(): boolean {
    return this.subscriber.status === 'ready'
  }

  async close(): Promise<void> {
    this.listeners.clear()
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }
}
