/**
 * The reference y-websocket server (@y/websocket-server), as its own bin runs it but on a free
 * port: one Y.Doc per path in memory, nothing stored. Prints "listening on <port>".
 */
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const server = http.createServer((_request, response) => response.end('okay'))
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)))
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => console.log(`listening on ${server.address().port}`))
