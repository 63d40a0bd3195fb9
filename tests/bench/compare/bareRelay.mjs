/**
 * The limit the benchmarks compare against: a bare WebSocket relay that stores nothing and checks
 * nothing. Every socket of a path is one board; each message goes to the board's other sockets,
 * and everything bound for one socket in one turn of the event loop goes out corked, as one
 * write. It answers a client's sync step 1 with an empty step 2, so that y-websocket clients
 * count as synced. Run: `node bareRelay.mjs` (PORT, HOST); prints "listening on <port>".
 *
 * With LOG_FILE set it is the limit of storing first: each turn's document updates are appended to
 * that file and flushed to the disk (fdatasync) before any of them is sent, as Dorfplatz does with
 * SQLite's synchronous=FULL. Presence is relayed without being stored.
 */
import fs from 'node:fs'
import http from 'node:http'
import { WebSocketServer } from 'ws'

const log = process.env.LOG_FILE ? fs.openSync(process.env.LOG_FILE, 'a') : null
const toStore = []

const EMPTY_SYNC_STEP_2 = new Uint8Array([0, 1, 2, 0, 0])
const boards = new Map()
const pending = new Map()
let flushScheduled = false

function flush() {
  flushScheduled = false
  if (log !== null && toStore.length > 0) {
    fs.writeSync(log, Buffer.concat(toStore.splice(0)))
    fs.fdatasyncSync(log)
  }
  for (const [socket, messages] of pending) {
    if (socket.readyState !== 1) continue
    socket._socket.cork()
    for (const message of messages) socket.send(message)
    socket._socket.uncork()
  }
  pending.clear()
}

function enqueue(socket, message) {
  let messages = pending.get(socket)
  if (!messages) pending.set(socket, (messages = []))
  messages.push(message)
  if (!flushScheduled) {
    flushScheduled = true
    setImmediate(flush)
  }
}

const server = http.createServer((_request, response) => response.end('relay'))
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)))
wss.on('connection', (socket, request) => {
  const name = request.url.split('?')[0]
  let board = boards.get(name)
  if (!board) boards.set(name, (board = new Set()))
  board.add(socket)
  socket.on('message', (data) => {
    if (data[0] === 0 && data[1] === 0) {
      enqueue(socket, EMPTY_SYNC_STEP_2)
      return
    }
    // A sync step 2 or update (type 0, then 1 or 2) is a change of the document.
    if (log !== null && data[0] === 0) toStore.push(data)
    for (const other of board) if (other !== socket) enqueue(other, data)
  })
  socket.on('close', () => {
    board.delete(socket)
    pending.delete(socket)
    if (board.size === 0) boards.delete(name)
  })
})
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => console.log(`listening on ${server.address().port}`))
