import type { Db } from '../store/db'
import { installOutbox } from './outbox-triggers'
import { takeShopWriteLock, type ShopDatabase } from './shop-database'
import { SYNCED_TABLES } from './synced-tables'

// A store restored from a backup is older than the shop book: the shop holds changes (sales, customers, shifts)
// this store never made as far as it knows, its outbox numbering starts again below what the shop has seen from it,
// and its next ids are ones the shop already holds for other rows. Pushed as usual, its new rows would be ignored
// (older sync_seq) or would overwrite different rows of the same id. A shop database restored from a backup is the
// mirror case: it lacks changes the till forgot once they were pushed. Either way the till sees it by comparing
// how far it knows it pushed (shop_sync_state.pushed_seq) with the shop's cursor, and re-seeds:
// 1. In PostgreSQL: every row of this till that changed after the store's last confirmed push is copied to
//    shop_restore_archive (the shop's knowledge the store lacks is kept, never overwritten), and all of this till's
//    rows are set aside (deleted, shop_seq untouched, so no other till sees them go).
// 2. In the store: the outbox is emptied, its numbering moved past the shop's, and every row queued again.
// 3. Pushed, each row the store has stands again (same key: installation + local id, nothing twice); once the
//    whole re-seed has landed, what is still set aside is what the store no longer has, and is announced as
//    deleted to the other tills (the sweep).
// Pulls are idempotent; a pull cursor beyond the shop's sequence (a restored shop database) starts again at 0.

interface SyncMark {
  pushed_seq: number | null
  sweep_upto: number | null
  sweep_after: number | null
}

export type ShopMatch = 'in_step' | 'reseeded'

const mark = (db: Db) => db.prepare('SELECT pushed_seq, sweep_upto, sweep_after FROM shop_sync_state WHERE singleton = 1').get() as SyncMark

/** The outbox row the shop's cursor names: a push that committed while the till did not hear back. */
export function changeLabel(row: { table_name: string; local_id: string; created_at: number }): string {
  return `${row.table_name}:${row.local_id}:${row.created_at}`
}

export async function matchShopBook(db: Db, shop: ShopDatabase, installationId: string, now: number): Promise<ShopMatch> {
  await restartPullsPastTheShop(db, shop)
  const { pushed_seq: pushed } = mark(db)
  const [cursor] = await shop.query<{ last_seq: number; last_change: string | null }>(
    'SELECT last_seq, last_change FROM shop_push_cursor WHERE installation = $1',
    [installationId],
  )
  const landed = cursor?.last_seq ?? 0
  if (pushed === null) {
    // First run of this version: take the shop's word (nothing to compare with yet).
    db.prepare('UPDATE shop_sync_state SET pushed_seq = ? WHERE singleton = 1').run(landed)
    return 'in_step'
  }
  if (landed === pushed) return 'in_step'
  if (landed > pushed && stillQueued(db, landed, cursor?.last_change ?? null)) return 'in_step'
  await setAside(shop, installationId, pushed)
  reseed(db, now, landed)
  return 'reseeded'
}

/** The change the shop landed last is still in this outbox: the push committed and the till did not hear back. */
function stillQueued(db: Db, seq: number, label: string | null): boolean {
  const row = db.prepare('SELECT table_name, local_id, created_at FROM sync_outbox WHERE seq = ?').get(seq) as Parameters<typeof changeLabel>[0] | undefined
  return row !== undefined && changeLabel(row) === label
}

async function setAside(shop: ShopDatabase, installationId: string, pushedSeq: number): Promise<void> {
  await shop.transaction(async (tx) => {
    await takeShopWriteLock(tx)
    for (const { shopTable } of [...SYNCED_TABLES].reverse()) {
      await tx.query(
        `INSERT INTO shop_restore_archive (installation, shop_table, local_id, sync_seq, row)
         SELECT installation, $3, local_id, sync_seq, to_jsonb(t) FROM ${shopTable} AS t WHERE installation = $1 AND sync_seq > $2
         ON CONFLICT DO NOTHING`,
        [installationId, pushedSeq, shopTable],
      )
      await tx.query(`UPDATE ${shopTable} SET deleted = true WHERE installation = $1 AND NOT deleted`, [installationId])
    }
  })
}

function reseed(db: Db, now: number, landed: number): void {
  db.transaction(() => {
    const numbered = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").pluck().get() as number | undefined) ?? 0
    const base = Math.max(numbered, landed)
    db.prepare('DELETE FROM sync_outbox').run()
    if (numbered === 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_outbox', ?)").run(base)
    else db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_outbox'").run(base)
    db.prepare('DELETE FROM shop_seeded_table').run()
    installOutbox(db, now)
    const after = (db.prepare('SELECT max(seq) FROM sync_outbox').pluck().get() as number | null) ?? base
    db.prepare('UPDATE shop_sync_state SET pushed_seq = ?, sweep_upto = ?, sweep_after = ? WHERE singleton = 1').run(landed, base, after)
  }).immediate()
}

/** Once the re-seed has landed: what is still set aside is gone from this store; other tills now hear so. */
export async function sweepIfLanded(db: Db, shop: ShopDatabase, installationId: string): Promise<boolean> {
  const { pushed_seq: pushed, sweep_upto: upto, sweep_after: after } = mark(db)
  if (upto === null || after === null || (pushed ?? 0) < after) return false
  await shop.transaction(async (tx) => {
    await takeShopWriteLock(tx)
    for (const { shopTable } of SYNCED_TABLES) {
      await tx.query(`UPDATE ${shopTable} SET shop_seq = nextval('shop_seq') WHERE installation = $1 AND deleted AND sync_seq <= $2`, [installationId, upto])
    }
  })
  db.prepare('UPDATE shop_sync_state SET sweep_upto = NULL, sweep_after = NULL WHERE singleton = 1').run()
  return true
}

async function restartPullsPastTheShop(db: Db, shop: ShopDatabase): Promise<void> {
  const furthest = db.prepare('SELECT max(seq) FROM shop_pull_cursor').pluck().get() as number | null
  if (furthest === null) return
  const [sequence] = await shop.query<{ last_value: number }>('SELECT last_value FROM shop_seq')
  if (sequence && furthest > sequence.last_value) db.prepare('DELETE FROM shop_pull_cursor').run()
}
