/**
 * Hocuspocus with SQLite, as its SQLite extension keeps documents (the whole state of a document
 * in one row, written a moment after it changed), but on better-sqlite3 through the generic
 * database extension. DATA_FILE is the SQLite file. Prints "listening on <port>".
 */
import Database from 'better-sqlite3'
import { Server } from '@hocuspocus/server'
import { Database as DatabaseExtension } from '@hocuspocus/extension-database'

const db = new Database(process.env.DATA_FILE)
db.pragma('journal_mode = WAL')
db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB)')
const select = db.prepare('SELECT data FROM documents WHERE name = ?')
const upsert = db.prepare('INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data')

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [
    new DatabaseExtension({
      fetch: async ({ documentName }) => select.get(documentName)?.data ?? null,
      store: async ({ documentName, state }) => {
        upsert.run(documentName, state)
      },
    }),
  ],
})
await server.listen()
console.log(`listening on ${server.address.port}`)
