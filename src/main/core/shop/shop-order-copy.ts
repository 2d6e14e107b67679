import type { ShopOrderDetail, ShopOrderItemCopy, ShopPaymentCopy, ShopRefundCopy } from '@shared/contract/shop'
import { notFound } from '@shared/errors'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { shopHistoryAsOf } from './as-of'

// Shop mode: one order of another till, read from the copies pulled into this store (so it opens offline), as of
// the last pull. Read-only by design: its refunds go through that till's Stripe keys, drawer and shift.

// The `+` in each ORDER BY and the CROSS JOIN (SQLite keeps its table order) make the plans read the (installation,
// order_id) indexes: sorting by the primary key would have the planner walk every row of that till instead, which for
// a busy till's years of history is millions of rows for one order.

type OrderCopyRow = Omit<ShopOrderDetail, 'customerId' | 'items' | 'payments' | 'refunds' | 'asOf'>

export function readShopOrder(db: Db, installation: string, orderId: number): ShopOrderDetail {
  const order = sql(
    db,
    `SELECT installation, order_id AS orderId, email, customer_name AS customerName, amount, currency, status, kind,
            created_at AS createdAt, updated_at AS updatedAt, paid, refunded
       FROM shop_order_copy WHERE installation = ? AND order_id = ?`,
  ).get(installation, orderId) as OrderCopyRow | undefined
  if (!order) throw notFound(`No order #${orderId} from till ${installation.slice(0, 8)} is held here (as of the last shop sync)`)
  const items = sql(
    db,
    `SELECT item_id AS itemId, title, course_code AS courseCode, unit_amount AS unitAmount
       FROM shop_order_item_copy WHERE installation = ? AND order_id = ? ORDER BY +item_id`,
  ).all(installation, orderId) as ShopOrderItemCopy[]
  const payments = sql(
    db,
    `SELECT payment_id AS paymentId, method, amount_received AS amountReceived, currency, status,
            stripe_payment_intent_id AS stripePaymentIntentId, updated_at AS updatedAt
       FROM shop_payment_copy WHERE installation = ? AND order_id = ? ORDER BY +payment_id`,
  ).all(installation, orderId) as ShopPaymentCopy[]
  const refunds = sql(
    db,
    `SELECT r.refund_id AS refundId, r.payment_id AS paymentId, r.amount, r.currency, r.status, r.updated_at AS updatedAt
       FROM shop_payment_copy p CROSS JOIN shop_refund_copy r ON r.installation = p.installation AND r.payment_id = p.payment_id
      WHERE p.installation = ? AND p.order_id = ? ORDER BY +r.refund_id`,
  ).all(installation, orderId) as ShopRefundCopy[]
  // Customers converge by email across the shop, so this till usually knows the person too: link to them here.
  const customerId = (sql(db, 'SELECT id FROM account WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1').pluck().get(order.email) as number | undefined) ?? null
  return { ...order, customerId, items, payments, refunds, asOf: shopHistoryAsOf(db) }
}
