import type { Db } from '../../src/main/core/store/db'

/**
 * The large seed has no store credit: gives every `every`-th order a credit payment (a few canceled), so the
 * history's brute-force tests see orders paid by credit alone and with card or cash. Rows only, no ledger: these
 * tests read the history, not balances.
 */
export function addCreditPayments(db: Db, every = 7): number {
  const orders = db.prepare('SELECT id, currency, created_at FROM purchase_order WHERE id % ? = 0').all(every) as Array<{ id: number; currency: string; created_at: number }>
  const insert = db.prepare(
    "INSERT INTO payment (order_id, method, amount, amount_received, currency, status, created_at, updated_at) VALUES (?, 'credit', ?, ?, ?, ?, ?, ?)",
  )
  db.transaction(() => {
    for (const [index, order] of orders.entries()) {
      const canceled = index % 5 === 4
      insert.run(order.id, 100, canceled ? 0 : 100, order.currency, canceled ? 'canceled' : 'succeeded', order.created_at, order.created_at)
    }
  })()
  return orders.length
}
