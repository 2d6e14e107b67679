import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '../../src/main/core/shop/synced-tables'
import { startProcessTill, type ProcessTill } from '../helpers/shop-tills'
import { settleAll, shopQuery, sorted, useShop } from './shop-fixtures'

// A till's store restored from a backup is older than the shop book, and a shop database restored from a backup
// is older than the tills: either way the till notices, sets the shop's rows of it aside (archived where the shop
// knew more), pushes its store again under the same keys and ends with the shop holding exactly its rows.
describe('shop mode: a store or a shop database restored from a backup', () => {
  const shop = useShop()
  const started: ProcessTill[] = []
  afterAllClose(started)

  async function openTill(dataDir?: string): Promise<ProcessTill> {
    const till = await startProcessTill({ shopUrl: shop.cluster.url, dataDir })
    started.push(till)
    // The owner signs in again after each start (a new process has no session).
    await till.call('manager:setPin', dataDir ? { pin: '2468', currentPin: '2468' } : { pin: '2468' })
    if (!dataDir) await till.call('shifts:open', { floats: [] })
    return till
  }

  const standingOrders = async (installation: string) =>
    shopQuery<{ id: number; created_at: number }>(shop.cluster, 'SELECT id::int, created_at::float8 AS created_at FROM shop_order WHERE installation = $1 AND NOT deleted ORDER BY id', [installation])

  it('a till restored from last night’s backup keeps the shop’s later knowledge archived and pushes its store again, nothing twice', async () => {
    const till = await openTill()
    const [other] = await shop.startTills(1)
    await till.sell(2)
    await till.settled()
    await till.close()
    const db = join(till.dataDir, 'coursetill.db')
    const backup = join(till.dataDir, 'backup.db')
    copyFileSync(db, backup)

    // The day after the backup: more sales (more changes than the store has rows, and grants to customers the
    // backup's sales never had) and a new customer, all pushed; then the disk dies.
    const day = await openTill(till.dataDir)
    const lostSales = await day.sell(20)
    await day.call('customers:create', { email: 'after.backup@example.com', name: 'After Backup' })
    await settleAll([day, other!])
    const lostRows = await standingOrders(day.installation)
    await day.close()
    copyFileSync(backup, db)
    for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true })

    const restored = await openTill(till.dataDir)
    const [reused] = await restored.sell(1) // the store gives the next id again: one the shop holds for a lost sale
    expect(reused).toBe(lostSales[0])
    await settleAll([restored, other!])
    await settleAll([restored, other!])

    const local = await restored.query<{ id: number; created_at: number }>('SELECT id, created_at FROM purchase_order ORDER BY id')
    expect(await standingOrders(restored.installation)).toEqual(local)
    for (const entry of SYNCED_TABLES) {
      const [shopCount] = await shopQuery<{ n: number }>(shop.cluster, `SELECT count(*)::int AS n FROM ${entry.shopTable} WHERE installation = $1 AND NOT deleted`, [restored.installation])
      const [localCount] = await restored.query<{ n: number }>(`SELECT count(*) AS n FROM ${entry.table}`)
      expect({ table: entry.table, n: shopCount!.n }).toEqual({ table: entry.table, n: localCount!.n })
    }
    // The lost sales, as the shop had them, are kept.
    const archived = await shopQuery<{ local_id: string; created_at: number }>(
      shop.cluster,
      "SELECT local_id, (row->>'created_at')::float8 AS created_at FROM shop_restore_archive WHERE installation = $1 AND shop_table = 'shop_order' ORDER BY local_id::int",
      [restored.installation],
    )
    expect(archived).toEqual(lostRows.filter((r) => lostSales.includes(r.id)).map((r) => ({ local_id: String(r.id), created_at: r.created_at })))
    // The customer made after the backup is one person, and comes back to the restored till once.
    expect(await shopQuery(shop.cluster, "SELECT id FROM shop_person WHERE email_key = 'after.backup@example.com'")).toHaveLength(1)
    expect(await restored.query("SELECT id FROM account WHERE email = 'after.backup@example.com'")).toHaveLength(1)
    // The other till sees the reused order id as the new sale, and each order once.
    const copies = await other!.query<{ order_id: number; created_at: number }>('SELECT order_id, created_at FROM shop_order_copy WHERE installation = ? AND order_id = ?', [
      restored.installation,
      reused,
    ])
    expect(copies).toEqual([{ order_id: reused, created_at: local.find((r) => r.id === reused)!.created_at }])
    // Ownership at the other till is the restored store's grants, no more (a lost sale's grant is gone).
    const grants = await other!.query<{ key: string }>("SELECT local_id || '@' || order_id AS key FROM shop_grant_copy WHERE installation = ? AND deleted = 0 ORDER BY 1", [
      restored.installation,
    ])
    const localGrants = await restored.query<{ key: string }>("SELECT account_id || ':' || course_id || '@' || order_id AS key FROM account_has_course ORDER BY 1")
    expect(grants).toEqual(localGrants)
    // Once: its outbox numbering starts past the shop's, so the first re-seed lands and none follows.
    const log = readFileSync(join(till.dataDir, 'logs', 'coursetill.log'), 'utf8')
    expect(log.split('\n').filter((line) => line.includes('"shop.reseeded"'))).toHaveLength(1)
    const [cursor] = await shopQuery<{ last_seq: number }>(shop.cluster, 'SELECT last_seq::int FROM shop_push_cursor WHERE installation = $1', [restored.installation])
    expect(await restored.query('SELECT pushed_seq FROM shop_sync_state')).toEqual([{ pushed_seq: cursor!.last_seq }])
  }, 240_000)

  it('a shop database restored from an older backup gets the till’s rows again', async () => {
    const till = await openTill()
    await till.sell(3)
    await till.settled()
    await till.close()
    // The shop database as it was before this till ever pushed: none of its rows, no cursor.
    for (const entry of [...SYNCED_TABLES].reverse()) {
      await shopQuery(shop.cluster, `DELETE FROM ${entry.shopTable} WHERE installation = $1`, [till.installation])
    }
    await shopQuery(shop.cluster, 'DELETE FROM shop_push_cursor WHERE installation = $1', [till.installation])
    const again = await openTill(till.dataDir)
    await again.settled()
    await again.settled()
    const local = sorted((await again.query<{ id: number }>('SELECT id FROM purchase_order')).map((r) => r.id))
    expect(sorted((await standingOrders(again.installation)).map((r) => r.id))).toEqual(local)
    const [audit] = await again.query<{ n: number }>('SELECT count(*) AS n FROM audit_log')
    const [shopAudit] = await shopQuery<{ n: number }>(shop.cluster, 'SELECT count(*)::int AS n FROM shop_audit WHERE installation = $1 AND NOT deleted', [again.installation])
    expect(shopAudit!.n).toBe(audit!.n)
  }, 180_000)
})

function afterAllClose(tills: ProcessTill[]) {
  afterAll(async () => {
    await Promise.all(tills.map((t) => t.close()))
  })
}
