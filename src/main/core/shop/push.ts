import type { Db } from '../store/db'
import { changeLabel } from './reseed'
import { pushStatementsFor, type PushStatements } from './push-statements'
import { SHOP_CHANGED_CHANNEL, takeShopWriteLock, type ShopDatabase, type ShopQueryable } from './shop-database'
import { SYNCED_TABLES } from './synced-tables'

interface OutboxRow {
  seq: number
  table_name: string
  local_id: string
  op: 'upsert' | 'delete'
  row: string | null
  created_at: number
}

export type StatementCache = Map<string, PushStatements>

async function statementsFor(tx: ShopQueryable, cache: StatementCache, table: string): Promise<PushStatements> {
  let statements = cache.get(table)
  if (!statements) {
    statements = await pushStatementsFor(tx, SYNCED_TABLES.find((t) => t.table === table)!)
    cache.set(table, statements)
  }
  return statements
}

/**
 * Pushes the oldest outbox rows in one PostgreSQL transaction, then forgets them locally, so a push cut anywhere
 * is safe: before the commit nothing landed and all is sent again; after it, the rows sent again carry the same
 * sync_seq and change nothing (a row is only replaced by a newer change). Within a batch only each row's newest
 * change is sent, parents' tables first (foreign keys), deletions last. The shop's record of how far this till
 * has pushed (shop_push_cursor) moves in the same transaction. Returns how many outbox rows were handled.
 */
export async function pushOnce(db: Db, shop: ShopDatabase, installationId: string, cache: StatementCache, batchSize: number): Promise<number> {
  const rows = db.prepare('SELECT seq, table_name, local_id, op, row, created_at FROM sync_outbox ORDER BY seq LIMIT ?').all(batchSize) as OutboxRow[]
  if (rows.length === 0) return 0
  const last = rows[rows.length - 1]!
  const lastSeq = last.seq
  await shop.transaction(async (tx) => {
    await takeShopWriteLock(tx)
    const newest = new Map<string, OutboxRow>()
    for (const row of rows) {
      const key = `${row.table_name}\u0000${row.local_id}`
      newest.delete(key)
      newest.set(key, row)
    }
    const latest = [...newest.values()]
    for (const entry of SYNCED_TABLES) {
      const upserts = latest.filter((r) => r.table_name === entry.table && r.op === 'upsert')
      if (upserts.length === 0) continue
      const payload = upserts.map((r) => ({ ...(JSON.parse(r.row!) as object), installation: installationId, local_id: r.local_id, sync_seq: r.seq, deleted: false }))
      await tx.query((await statementsFor(tx, cache, entry.table)).upsert, [JSON.stringify(payload)])
    }
    for (const entry of [...SYNCED_TABLES].reverse()) {
      const deletes = latest.filter((r) => r.table_name === entry.table && r.op === 'delete')
      if (deletes.length === 0) continue
      const payload = deletes.map((r) => ({ installation: installationId, local_id: r.local_id, sync_seq: r.seq }))
      await tx.query((await statementsFor(tx, cache, entry.table)).markDeleted, [JSON.stringify(payload)])
    }
    await tx.query(
      `INSERT INTO shop_push_cursor (installation, last_seq, last_change) VALUES ($1, $2, $3)
       ON CONFLICT (installation) DO UPDATE SET last_seq = excluded.last_seq, last_change = excluded.last_change, pushed_at = now()
       WHERE shop_push_cursor.last_seq <= excluded.last_seq`,
      [installationId, lastSeq, changeLabel(last)],
    )
    await tx.query('SELECT pg_notify($1, $2)', [SHOP_CHANGED_CHANNEL, installationId])
  })
  // What the shop confirmed: how a restore is told from a push not heard back (reseed.ts).
  db.transaction(() => {
    db.prepare('DELETE FROM sync_outbox WHERE seq <= ?').run(lastSeq)
    db.prepare('UPDATE shop_sync_state SET pushed_seq = ? WHERE singleton = 1').run(lastSeq)
  })()
  return rows.length
}
