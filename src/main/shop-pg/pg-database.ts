import pg from 'pg'
import type { OpenShopDatabase, ShopDatabase, ShopQueryable } from '../core/shop/shop-database'

// The shop database port on the `pg` driver. int8 and numeric counts come back as numbers (ids, unix ms and
// amounts in minor units all fit in 2^53). Connections time out rather than hang when the server is gone.
const INT8 = 20
const types = {
  getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
}

const CONNECT = { connectionTimeoutMillis: 5_000, query_timeout: 60_000, application_name: 'coursetill', types }

export const openPgShopDatabase: OpenShopDatabase = (url) => {
  const pool = new pg.Pool({ connectionString: url, max: 3, idleTimeoutMillis: 30_000, ...CONNECT })
  // An idle connection dropped by the server (restart, crash) is only reported here; the next query reconnects.
  pool.on('error', () => undefined)
  // One in use hears it as an 'error' event too (then its query rejects, which is what the sync loop handles).
  pool.on('connect', (client) => client.on('error', () => undefined))
  const asQueryable = (client: pg.PoolClient | pg.Pool): ShopQueryable => ({
    query: async (text, params) => (await client.query(text, params as unknown[])).rows,
  })
  const database: ShopDatabase = {
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await pool.connect()
      let broken = false
      try {
        await client.query('BEGIN')
        const result = await fn(asQueryable(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        broken = true
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        // A connection that failed mid-transaction is not given back to the pool.
        client.release(broken)
      }
    },
    async listen(channel, onNotify, onLost) {
      const client = new pg.Client({ connectionString: url, ...CONNECT })
      let closed = false
      client.on('notification', (message) => onNotify(message.payload ?? ''))
      client.on('error', (error) => {
        if (!closed) onLost(error)
      })
      client.on('end', () => {
        if (!closed) onLost(new Error('the shop database closed the listening connection'))
      })
      await client.connect()
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      return {
        async close() {
          closed = true
          await client.end().catch(() => undefined)
        },
      }
    },
    close: () => pool.end(),
  }
  return database
}
