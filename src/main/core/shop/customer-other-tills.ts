import type { ShopCustomerOrders } from '@shared/contract/shop'
import { notFound } from '@shared/errors'
import type { CurrencyTotal } from '@shared/insight'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { shopHistoryAsOf } from './as-of'

// Shop mode: one customer's orders at the other tills, from the pulled copies. One person is one customer across
// the shop by email, so they are matched by email, case-insensitively (the copy's email column is NOCASE, indexed).
// Their money is kept apart from this till's own totals: the customer page shows both, each labelled.

export function customerOrdersAtOtherTills(db: Db, customerId: number, limit: number): ShopCustomerOrders {
  const email = sql(db, 'SELECT email FROM account WHERE id = ?').pluck().get(customerId) as string | undefined
  if (email === undefined) throw notFound(`Customer ${customerId} does not exist`)
  const rows = sql(
    db,
    `SELECT installation, order_id AS orderId, email, customer_name AS customerName, amount, currency, status, kind,
            created_at AS createdAt, paid, refunded
       FROM shop_order_copy WHERE email = ? ORDER BY created_at DESC, installation, order_id DESC LIMIT ?`,
  ).all(email, limit) as ShopCustomerOrders['rows']
  const totals = (
    sql(
      db,
      `SELECT currency, count(*) AS orders, coalesce(sum(paid), 0) AS paid, coalesce(sum(refunded), 0) AS refunded
         FROM shop_order_copy WHERE email = ? GROUP BY currency ORDER BY currency`,
    ).all(email) as Array<Omit<CurrencyTotal, 'net'>>
  ).map((total) => ({ ...total, net: total.paid - total.refunded }))
  const total = totals.reduce((sum, t) => sum + t.orders, 0)
  return { rows, total, totals, asOf: shopHistoryAsOf(db) }
}
