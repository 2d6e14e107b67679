import type { ShopQueryable } from './shop-database'
import type { SyncedTable } from './synced-tables'

// The PostgreSQL side of a synced table, made from the list entry and the shop table's columns as PostgreSQL
// reports them: a row pushed carries the local row's JSON; PostgreSQL keeps the columns it has, by name
// (jsonb_populate_recordset), so the shop table decides what is kept and its constraints check it.

/** Set by the push itself, or by the shop database: never taken from the till's JSON. */
const BOOKKEEPING = new Set(['shop_seq'])

export interface PushStatements {
  /** $1: a JSON array of rows, each with installation, local_id, sync_seq, deleted and the row's fields. */
  upsert: string
  /** $1: a JSON array of {installation, local_id, sync_seq}. */
  markDeleted: string
}

export async function pushStatementsFor(db: ShopQueryable, entry: SyncedTable): Promise<PushStatements> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [entry.shopTable],
  )
  if (rows.length === 0) throw new Error(`the shop database has no table ${entry.shopTable} for ${entry.table}: is its migration missing?`)
  const columns = rows.map((r) => r.column_name).filter((c) => !BOOKKEEPING.has(c))
  const list = columns.map((c) => `"${c}"`).join(', ')
  const updates = [...columns.filter((c) => c !== 'installation' && c !== 'local_id').map((c) => `"${c}" = excluded."${c}"`), 'shop_seq = excluded.shop_seq']
  const table = entry.shopTable
  return {
    // Only a newer change replaces a row (sync_seq is the till's outbox order): a batch sent again after a cut
    // changes nothing, and an older one can never overwrite a newer.
    upsert: `INSERT INTO ${table} AS t (${list}) SELECT ${list} FROM jsonb_populate_recordset(null::${table}, $1::jsonb)
             ON CONFLICT (installation, local_id) DO UPDATE SET ${updates.join(', ')} WHERE t.sync_seq < excluded.sync_seq`,
    markDeleted: `UPDATE ${table} AS t SET deleted = true, sync_seq = d.sync_seq, shop_seq = nextval('shop_seq')
                  FROM jsonb_to_recordset($1::jsonb) AS d(installation text, local_id text, sync_seq bigint)
                  WHERE t.installation = d.installation AND t.local_id = d.local_id AND t.sync_seq < d.sync_seq`,
  }
}
