import type { ShopCustomerOrders } from '@shared/contract/shop'
import { notFound } from '@shared/errors'
import type { CurrencyTotals } from '@shared/history'
import type { CurrencyTotal } from '@shared/insight'
import { normalizeFilters } from '../history/filters'
import { buildShopTotalsQuery } from '../history/shop-rows'
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
  // The Orders grid's totals over the copies for this customer (every other till), per currency.
  const query = buildShopTotalsQuery({ ...normalizeFilters({ accountId: customerId }), text: null, installation: null })
  const totals: CurrencyTotal[] = (sql(db, query.text).all(...query.params) as CurrencyTotals[])
    .map(({ currency, orders, paid, refunded }) => ({ currency, orders, paid, refunded, net: paid - refunded }))
    .sort((a, b) => a.currency.localeCompare(b.currency))
  const total = totals.reduce((sum, t) => sum + t.orders, 0)
  return { rows, total, totals, asOf: shopHistoryAsOf(db) }
}
