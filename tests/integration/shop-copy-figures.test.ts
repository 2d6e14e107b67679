import { describe, expect, it } from 'vitest'
import { tempStore } from '../helpers/temp-store'

// Other tills' orders held here carry paid / refunded / methods, kept by triggers (store migration 028) as
// pulled orders, payments and refunds land — in whatever order the pulls bring them.
const TILL = 'a1b2c3d4e5f6a7b8c9d0'
const OTHER = 'f0e1d2c3b4a5968778695a4b'

function store() {
  const { db } = tempStore()
  const order = (installation: string, id: number) =>
    db
      .prepare(
        `INSERT INTO shop_order_copy (installation, order_id, email, customer_name, amount, currency, status, kind, created_at, updated_at)
         VALUES (?, ?, 'ada@example.com', 'Ada', 10000, 'KWD', 'successful', 'sale', 1, 1)`,
      )
      .run(installation, id)
  const payment = (installation: string, id: number, orderId: number, method: string, amount: number, status = 'succeeded') =>
    db
      .prepare(
        `INSERT INTO shop_payment_copy (installation, payment_id, order_id, method, amount_received, currency, status, updated_at)
         VALUES (?, ?, ?, ?, ?, 'KWD', ?, 1)`,
      )
      .run(installation, id, orderId, method, amount, status)
  const refund = (installation: string, id: number, paymentId: number, amount: number, status = 'succeeded') =>
    db
      .prepare(`INSERT INTO shop_refund_copy (installation, refund_id, payment_id, amount, currency, status, updated_at) VALUES (?, ?, ?, ?, 'KWD', ?, 1)`)
      .run(installation, id, paymentId, amount, status)
  const figures = (installation: string, id: number) =>
    db.prepare('SELECT paid, refunded, methods FROM shop_order_copy WHERE installation = ? AND order_id = ?').get(installation, id)
  return { db, order, payment, refund, figures }
}

describe("other tills' order copies keep their money figures", () => {
  it('whatever order the rows land in: refund before its payment, payment before its order', () => {
    const s = store()
    s.refund(TILL, 1, 7, 1010)
    s.payment(TILL, 7, 1, 'card', 9880)
    s.payment(TILL, 6, 1, 'cash', 120)
    s.order(TILL, 1)
    expect(s.figures(TILL, 1)).toEqual({ paid: 10000, refunded: 1010, methods: 1 + 2 })
  })

  it("counts only succeeded money, follows status changes and deletes, and never another till's or order's rows", () => {
    const s = store()
    s.order(TILL, 1)
    s.order(TILL, 2)
    s.order(OTHER, 1)
    s.payment(TILL, 1, 1, 'card', 10000)
    s.payment(TILL, 2, 2, 'cash', 10000)
    s.payment(OTHER, 1, 1, 'credit', 10000)
    s.refund(TILL, 1, 1, 500, 'pending')
    s.refund(TILL, 2, 2, 700)
    s.refund(OTHER, 1, 1, 900)
    expect(s.figures(TILL, 1)).toEqual({ paid: 10000, refunded: 0, methods: 1 })
    s.db.prepare("UPDATE shop_refund_copy SET status = 'succeeded' WHERE installation = ? AND refund_id = 1").run(TILL)
    expect(s.figures(TILL, 1)).toEqual({ paid: 10000, refunded: 500, methods: 1 })
    expect(s.figures(TILL, 2)).toEqual({ paid: 10000, refunded: 700, methods: 2 })
    expect(s.figures(OTHER, 1)).toEqual({ paid: 10000, refunded: 900, methods: 4 })
    s.db.prepare("UPDATE shop_payment_copy SET status = 'failed' WHERE installation = ? AND payment_id = 2").run(TILL)
    expect(s.figures(TILL, 2)).toEqual({ paid: 0, refunded: 700, methods: 2 })
    s.db.prepare('DELETE FROM shop_refund_copy WHERE installation = ? AND refund_id = 1').run(TILL)
    expect(s.figures(TILL, 1)).toEqual({ paid: 10000, refunded: 0, methods: 1 })
  })
})
