import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LATER_TABLES } from '../../src/main/core/shop/synced-tables-later'
import type { OrderDetail } from '../../src/shared/domain'
import { startProcessTill, type ProcessTill } from '../helpers/shop-tills'
import { shopQuery, useShop } from './shop-fixtures'

// Staff, shifts, discounts, refund lines, store credit, memberships, plans and the inbox reach the shop book like
// orders do: each row once, keyed by (installation, local id), with PostgreSQL's constraints as strict as SQLite's.
describe('shop mode: the tables added after the shop book', () => {
  const shop = useShop()

  /** A till with an owner signed in, a shift, a discounted cash sale refunded by course, credit given and spent, and the shift closed. */
  async function busyTill(till: ProcessTill, email: string) {
    const { token } = await till.call<{ token: string }>('manager:setPin', { pin: '2468' })
    await till.call('shifts:open', { floats: [{ currency: 'GBP', amount: 5000 }] })
    const customer = await till.call<{ id: number }>('customers:create', { email, name: 'Later Tables' })
    const [course] = await till.query<{ id: number }>("SELECT id FROM course WHERE currency = 'GBP' AND active = 1 ORDER BY id LIMIT 1")
    const order = await till.call<OrderDetail>('orders:create', { accountId: customer.id, courseIds: [course!.id] })
    const discounted = await till.call<OrderDetail>('orders:discount', { orderId: order.id, courseId: null, kind: 'percent', value: 500, reason: 'loyal customer' })
    await till.call('orders:recordCash', { orderId: order.id, tendered: discounted.amountDue })
    await till.call('payments:refundLine', { orderId: order.id, courseId: course!.id, reason: 'requested_by_customer', managerToken: token })
    await till.call('credit:adjust', { customerId: customer.id, currency: 'GBP', amount: 1000, reason: 'goodwill after the refund', requestKey: 'adjust-0001', managerToken: token })
    const second = await till.call<OrderDetail>('orders:create', { accountId: customer.id, courseIds: [course!.id] })
    await till.call('credit:apply', { orderId: second.id, amount: 400, currency: 'GBP', requestKey: 'apply-00001' })
    await till.call('shifts:move', { kind: 'paid_in', amount: 700, currency: 'GBP', reason: 'change from the bank' })
    await till.call('shifts:noSale', { reason: 'change for the float' })
    await till.call('shifts:close', { counts: [{ currency: 'GBP', amount: 5700 }], managerToken: token })
    return { customer, token }
  }

  async function expectAllLanded(till: ProcessTill) {
    for (const entry of LATER_TABLES) {
      const local = await till.query<{ n: number }>(`SELECT count(*) AS n FROM ${entry.table}`)
      const [row] = await shopQuery<{ n: number }>(shop.cluster, `SELECT count(*)::int AS n FROM ${entry.shopTable} WHERE installation = $1 AND NOT deleted`, [till.installation])
      expect({ table: entry.table, n: row!.n }).toEqual({ table: entry.table, n: local[0]!.n })
    }
  }

  it('pushes every later table once, the PIN hash never leaving the till; PostgreSQL refuses an overdraft and a changed movement', async () => {
    const [till] = await shop.startTills(1)
    const { token } = await busyTill(till!, 'later-one@example.com')
    await till!.settled()
    for (const name of ['staff', 'shift', 'shift_float', 'drawer_movement', 'drawer_no_sale', 'shift_count', 'order_discount', 'refund_line', 'credit_entry']) {
      const [row] = await till!.query<{ n: number }>(`SELECT count(*) AS n FROM ${name}`)
      expect({ name, n: row!.n > 0 }).toEqual({ name, n: true })
    }
    await expectAllLanded(till!)
    const [closed] = await shopQuery<{ z: string }>(shop.cluster, 'SELECT z_report AS z FROM shop_shift WHERE installation = $1 AND closed_at IS NOT NULL', [till!.installation])
    expect(JSON.parse(closed!.z)).toBeTruthy()
    const columns = await shopQuery<{ c: string }>(shop.cluster, "SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'shop_staff'")
    expect(columns.map((r) => r.c)).not.toContain('pin_hash')

    // What the till queues for the staff table carries no hash either (the shop database is away: it stays queued).
    shop.cluster.stop()
    await till!.call('staff:add', { name: 'Casey Cashier', role: 'cashier', pin: '1357', managerToken: token })
    const queued = await till!.query<{ row: string }>("SELECT row FROM sync_outbox WHERE table_name = 'staff'")
    expect(queued.length).toBeGreaterThan(0)
    for (const { row } of queued) expect(Object.keys(JSON.parse(row))).not.toContain('pin_hash')
    shop.cluster.start()
    await till!.settled()
    await expectAllLanded(till!)

    const [entry] = await shopQuery<{ account_id: number; email: string; payment_id: number }>(
      shop.cluster,
      "SELECT account_id, email, payment_id FROM shop_credit_entry WHERE installation = $1 AND kind = 'spend'",
      [till!.installation],
    )
    await expect(
      shopQuery(
        shop.cluster,
        `INSERT INTO shop_credit_entry (installation, local_id, sync_seq, id, account_id, email, currency, kind, amount, source, reason, actor, created_at)
         VALUES ($1, '9999', 1, 9999, $2, $3, 'GBP', 'adjust', -100000, 'manager', 'more than is held', 'test', 1)`,
        [till!.installation, entry!.account_id, entry!.email],
      ),
    ).rejects.toThrow(/credit_overdraw/)
    await expect(shopQuery(shop.cluster, 'UPDATE shop_drawer_movement SET amount = amount + 1 WHERE installation = $1', [till!.installation])).rejects.toThrow(
      /cannot change once written/,
    )
    await expect(shopQuery(shop.cluster, "UPDATE shop_drawer_no_sale SET reason = 'nothing' WHERE installation = $1", [till!.installation])).rejects.toThrow(/cannot change once written/)
    await expect(shopQuery(shop.cluster, 'UPDATE shop_shift SET z_report = $2 WHERE installation = $1', [till!.installation, '{}'])).rejects.toThrow(/cannot change once written/)
  }, 180_000)

  it('a till already in shop mode when these tables joined the sync queues their older rows once', async () => {
    const [till] = await shop.startTills(1)
    await busyTill(till!, 'later-two@example.com')
    await till!.settled()
    await till!.close()
    // As the till was before this version: the first eight tables seeded, none of the later ones, and the shop
    // book without them.
    const db = new Database(join(till!.dataDir, 'coursetill.db'))
    db.prepare(`DELETE FROM shop_seeded_table WHERE table_name IN (${LATER_TABLES.map(() => '?').join(', ')})`).run(...LATER_TABLES.map((t) => t.table))
    db.close()
    for (const entry of [...LATER_TABLES].reverse()) await shopQuery(shop.cluster, `DELETE FROM ${entry.shopTable} WHERE installation = $1`, [till!.installation])
    const again = await startProcessTill({ shopUrl: shop.cluster.url, dataDir: till!.dataDir })
    try {
      await again.settled()
      await expectAllLanded(again)
      const [seeded] = await again.query<{ n: number }>('SELECT count(*) AS n FROM shop_seeded_table')
      expect(seeded!.n).toBe(8 + LATER_TABLES.length)
    } finally {
      await again.close()
    }
  }, 180_000)
})
