// The history tables are caches kept by triggers: after any change to orders, items, payments, refunds or names
// they must equal a recomputation from the source tables. Migration 003 must build them for an existing store.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreContext } from '../../src/main/core/context'
import { recordCashPayment, cancelOrder } from '../../src/main/core/orders/cash'
import { createOrder } from '../../src/main/core/orders/create-order'
import { settleOrder } from '../../src/main/core/orders/settle'
import { openDatabase, schemaVersion, type Db } from '../../src/main/core/store/db'
import { migrations } from '../../src/main/core/store/migrations'
import { DATABASE_FILE, seedLargeStore } from '../../scripts/seed/seed-large-store'
import { addAccount, addCourse, tempStore } from '../helpers/temp-store'

const EXPECTED_HISTORY = `
SELECT o.id AS order_id, o.created_at, o.status, o.account_id, a.name AS customer_name, o.currency, o.amount,
       (SELECT coalesce(sum(amount_received), 0) FROM payment WHERE order_id = o.id AND status = 'succeeded') AS paid,
       (SELECT coalesce(sum(r.amount), 0) FROM refund r JOIN payment p ON p.id = r.payment_id WHERE p.order_id = o.id AND r.status = 'succeeded') AS refunded,
       EXISTS (SELECT 1 FROM payment WHERE order_id = o.id AND method = 'card') + 2 * EXISTS (SELECT 1 FROM payment WHERE order_id = o.id AND method = 'cash') AS methods
  FROM purchase_order o JOIN account a ON a.id = o.account_id`

function expectCachesTrue(db: Db) {
  const history = db.prepare('SELECT * FROM order_history ORDER BY order_id').all()
  expect(history).toEqual(db.prepare(`${EXPECTED_HISTORY} ORDER BY o.id`).all())
  const days = `SELECT created_at / 86400000 AS day, status, currency, methods, count(*) AS orders, sum(amount) AS amount, sum(paid) AS paid, sum(refunded) AS refunded
                  FROM (${EXPECTED_HISTORY}) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`
  expect(db.prepare('SELECT * FROM order_day_total ORDER BY day, status, currency, methods').all()).toEqual(db.prepare(days).all())
  expect(db.prepare('SELECT * FROM order_history_course ORDER BY course_id, created_at, order_id').all()).toEqual(
    db
      .prepare(
        `SELECT i.course_id, o.created_at, i.order_id FROM purchase_order_item i JOIN purchase_order o ON o.id = i.order_id
          ORDER BY 1, 2, 3`,
      )
      .all(),
  )
}

describe('history caches', () => {
  it('follow every kind of change to the rows they summarise', () => {
    const { db, ctx, clock } = tempStore()
    const gbp = addCourse(db, { price: 4900, currency: 'GBP' })
    const jpy = addCourse(db, { price: 6800, currency: 'JPY' })
    const kwd = addCourse(db, { price: 15000, currency: 'KWD' })
    const ann = addAccount(db, 'Ann')
    const bo = addAccount(db, 'Bo')
    const one = createOrder(ctx, { accountId: ann, courseIds: [gbp], actor: 'test' })
    clock.now += 86_400_000
    const two = createOrder(ctx, { accountId: bo, courseIds: [jpy], actor: 'test' })
    const three = createOrder(ctx, { accountId: bo, courseIds: [kwd], actor: 'test' })
    expectCachesTrue(db)

    recordCashPayment(ctx, { orderId: one.id, tendered: 5000, actor: 'test' })
    cancelOrder(ctx, { orderId: three.id, actor: 'test' })
    expectCachesTrue(db)

    // A card payment's life, written as the payments core writes it, then refunds in every state.
    const card = Number(
      db
        .prepare(`INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, created_at, updated_at)
                  VALUES (?, 'card', 6800, 'JPY', 'pending', 'pi_derived_1', ?, ?)`)
        .run(two.id, clock.now, clock.now).lastInsertRowid,
    )
    expectCachesTrue(db)
    db.prepare("UPDATE payment SET status = 'succeeded', amount_received = 6800 WHERE id = ?").run(card)
    db.transaction(() => settleOrder(db, clock.now, two.id, 'test', () => undefined))()
    expectCachesTrue(db)
    const refund = Number(
      db
        .prepare(`INSERT INTO refund (payment_id, amount, currency, status, reason, requested_by, created_at, updated_at)
                  VALUES (?, 1000, 'JPY', 'pending', 'other', 'manager', ?, ?)`)
        .run(card, clock.now, clock.now).lastInsertRowid,
    )
    expectCachesTrue(db)
    db.prepare("UPDATE refund SET status = 'failed' WHERE id = ?").run(refund)
    expectCachesTrue(db)
    db.prepare("UPDATE refund SET status = 'succeeded' WHERE id = ?").run(refund)
    expectCachesTrue(db)
    db.prepare('UPDATE refund SET amount = 6800 WHERE id = ?').run(refund)
    db.transaction(() => settleOrder(db, clock.now, two.id, 'test', () => undefined))()
    expectCachesTrue(db)
    db.prepare('DELETE FROM refund WHERE id = ?').run(refund)
    expectCachesTrue(db)

    // Renames, a moved payment, an edited item and a moved order date.
    db.prepare("UPDATE account SET name = 'Bo Renamed' WHERE id = ?").run(bo)
    db.prepare('UPDATE payment SET order_id = ? WHERE id = ?').run(three.id, card)
    db.prepare('UPDATE purchase_order_item SET course_id = ? WHERE order_id = ?').run(gbp, two.id)
    db.prepare('UPDATE purchase_order SET created_at = created_at - 3 * 86400000 WHERE id = ?').run(one.id)
    expectCachesTrue(db)
    db.prepare('DELETE FROM payment WHERE id = ?').run(card)
    db.prepare('DELETE FROM purchase_order_item WHERE order_id = ?').run(two.id)
    expectCachesTrue(db)
    // Rows that sum to nothing are dropped from the day table, not left as zeros.
    expect(db.prepare('SELECT count(*) FROM order_day_total WHERE orders = 0').pluck().get()).toBe(0)
  })

  it('are built by migration 003 for a store that already has orders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursetill-migrate-'))
    try {
      seedLargeStore({ dir, orders: 1_500, seed: 3, now: Date.UTC(2026, 5, 30) })
      const file = join(dir, DATABASE_FILE)
      const before = openDatabase(file)
      // Back to schema 2: the history objects gone, as in a store written before this release.
      const objects = before.prepare("SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'table') AND (name LIKE 'order_history%' OR name LIKE 'order_day_total%')").all() as Array<{ type: string; name: string }>
      for (const { type, name } of objects.sort((a) => (a.type === 'trigger' ? -1 : 1))) before.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`)
      before.pragma('user_version = 2')
      before.close()

      const db = openDatabase(file, { migrations: migrations.slice(0, 3) })
      expect(schemaVersion(db)).toBe(3)
      expect(db.prepare('SELECT count(*) FROM order_history').pluck().get()).toBe(1_500)
      expectCachesTrue(db)
      // And the triggers it created keep them true afterwards.
      const ctx = createCoreContext(db)
      const course = db.prepare('SELECT id FROM course WHERE active = 1 LIMIT 1').pluck().get() as number
      createOrder(ctx, { accountId: 1, courseIds: [course], actor: 'test' })
      expectCachesTrue(db)
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
