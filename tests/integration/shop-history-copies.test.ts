import { describe, expect, it } from 'vitest'
import { migrations } from '../../src/main/core/store/migrations'
import { openDatabase } from '../../src/main/core/store/db'
import { join } from 'node:path'
import { tempDir, tempStore } from '../helpers/temp-store'

// Other tills' orders as pulled (store migration 028): their paid, refunded and methods follow the payment and
// refund copies whatever order the pull brings them in, as order_history does for this till's own orders.
const TILL = 'a1b2c3d4e5f60718'

function insertOrder(db: ReturnType<typeof tempStore>['db'], orderId: number) {
  db.prepare(
    `INSERT INTO shop_order_copy (installation, order_id, email, customer_name, amount, currency, status, kind, created_at, updated_at)
     VALUES (?, ?, 'zoe@example.com', 'Zoë', 15000, 'KWD', 'successful', 'sale', 1, 1)`,
  ).run(TILL, orderId)
}
const insertPayment = (db: ReturnType<typeof tempStore>['db'], paymentId: number, orderId: number, method: string, received: number, status: string) =>
  db
    .prepare(`INSERT INTO shop_payment_copy (installation, payment_id, order_id, method, amount_received, currency, status, updated_at) VALUES (?, ?, ?, ?, ?, 'KWD', ?, 1)
              ON CONFLICT (installation, payment_id) DO UPDATE SET status = excluded.status, amount_received = excluded.amount_received`)
    .run(TILL, paymentId, orderId, method, received, status)
const insertRefund = (db: ReturnType<typeof tempStore>['db'], refundId: number, paymentId: number, amount: number, status: string) =>
  db
    .prepare(`INSERT INTO shop_refund_copy (installation, refund_id, payment_id, amount, currency, status, updated_at) VALUES (?, ?, ?, ?, 'KWD', ?, 1)
              ON CONFLICT (installation, refund_id) DO UPDATE SET status = excluded.status`)
    .run(TILL, refundId, paymentId, amount, status)
const figures = (db: ReturnType<typeof tempStore>['db'], orderId: number) =>
  db.prepare('SELECT paid, refunded, methods FROM shop_order_copy WHERE installation = ? AND order_id = ?').get(TILL, orderId)

/** The per-day table always equals a GROUP BY over the copies (what the Orders totals of all tills add up). */
const expectDayTotalsMatch = (db: ReturnType<typeof tempStore>['db']) => {
  const grouped = `SELECT installation, created_at / 86400000 AS day, status, currency, methods, count(*) AS orders, sum(amount) AS amount, sum(paid) AS paid, sum(refunded) AS refunded
                     FROM shop_order_copy GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`
  expect(db.prepare('SELECT installation, day, status, currency, methods, orders, amount, paid, refunded FROM shop_order_day_total ORDER BY 1, 2, 3, 4, 5').all()).toEqual(db.prepare(grouped).all())
}

describe("other tills' order figures", () => {
  it('follow payments and refunds pulled before or after their order, and their later changes', () => {
    const { db } = tempStore()
    // Payments and a refund arrive before the order they belong to.
    insertPayment(db, 1, 7, 'cash', 10_000, 'succeeded')
    insertPayment(db, 2, 7, 'card', 0, 'processing')
    insertRefund(db, 1, 1, 2_500, 'succeeded')
    insertOrder(db, 7)
    expect(figures(db, 7)).toEqual({ paid: 10_000, refunded: 2_500, methods: 3 })
    expectDayTotalsMatch(db)
    // Then the card succeeds, a credit part is taken, and a pending refund fails.
    insertPayment(db, 2, 7, 'card', 4_000, 'succeeded')
    expect(figures(db, 7)).toEqual({ paid: 14_000, refunded: 2_500, methods: 3 })
    expectDayTotalsMatch(db)
    insertPayment(db, 3, 7, 'credit', 1_000, 'succeeded')
    insertRefund(db, 2, 2, 4_000, 'pending')
    expect(figures(db, 7)).toEqual({ paid: 15_000, refunded: 2_500, methods: 7 })
    insertRefund(db, 2, 2, 4_000, 'succeeded')
    expect(figures(db, 7)).toEqual({ paid: 15_000, refunded: 6_500, methods: 7 })
    // Another order of the same till is untouched.
    insertOrder(db, 8)
    expect(figures(db, 8)).toEqual({ paid: 0, refunded: 0, methods: 0 })
    expectDayTotalsMatch(db)
    // The pull updates an order (its status) and a book switch forgets the copies: the day table follows.
    db.prepare("UPDATE shop_order_copy SET status = 'partially_refunded', created_at = 86400001 WHERE order_id = 7").run()
    expectDayTotalsMatch(db)
    expect(db.prepare('SELECT count(*) FROM shop_order_day_total').pluck().get()).toBe(2)
    db.prepare('DELETE FROM shop_order_copy WHERE order_id = 8').run()
    expectDayTotalsMatch(db)
  })

  it('are filled by the migration for orders pulled before it', () => {
    const file = join(tempDir(), 'old.db')
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version < 28) })
    old.exec(`INSERT INTO shop_order_copy (installation, order_id, email, customer_name, amount, currency, status, kind, created_at, updated_at)
              VALUES ('${TILL}', 7, 'zoe@example.com', 'Zoë', 6800, 'JPY', 'partially_refunded', 'sale', 1, 1);
              INSERT INTO shop_payment_copy (installation, payment_id, order_id, method, amount_received, currency, status, updated_at)
              VALUES ('${TILL}', 1, 7, 'cash', 6800, 'JPY', 'succeeded', 1);
              INSERT INTO shop_refund_copy (installation, refund_id, payment_id, amount, currency, status, updated_at)
              VALUES ('${TILL}', 1, 1, 1000, 'JPY', 'succeeded', 1);
              INSERT INTO shop_pull_cursor (source, seq) VALUES ('shop_payment', 42), ('shop_order', 40);`)
    old.close()
    const db = openDatabase(file)
    expect(figures(db, 7)).toEqual({ paid: 6800, refunded: 1000, methods: 2 })
    expectDayTotalsMatch(db)
    expect(db.prepare('SELECT orders, paid FROM shop_order_day_total').all()).toEqual([{ orders: 1, paid: 6800 }])
    // Payments are read again from the start, now with their PaymentIntent ids; orders are not.
    expect(db.prepare('SELECT source, seq FROM shop_pull_cursor ORDER BY source').all()).toEqual([{ source: 'shop_order', seq: 40 }])
    db.close()
  })
})
