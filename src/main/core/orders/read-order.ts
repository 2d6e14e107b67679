import type { OrderDetail, OrderDiscount, OrderItem, OrderStatus, Ownership, Payment, Refund } from '@shared/domain'
import { notFound } from '@shared/errors'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { orderMoney } from './order-status'
import { netLinePrices } from './discounts'

interface OrderRow {
  id: number
  account_id: number
  account_name: string
  account_email: string
  amount: number
  currency: string
  status: OrderStatus
  canceled_at: number | null
  kind: OrderDetail['kind']
  served_by: string | null
  created_at: number
  updated_at: number
}

export function getOrderDetail(db: Db, orderId: number): OrderDetail {
  const row = sql(
    db,
    `SELECT o.*, a.name AS account_name, a.email AS account_email, s.name AS served_by
       FROM purchase_order o JOIN account a ON a.id = o.account_id LEFT JOIN staff s ON s.id = o.staff_id WHERE o.id = ?`,
  ).get(orderId) as OrderRow | undefined
  if (!row) throw notFound(`Order ${orderId} does not exist`)
  const payments = listPayments(db, orderId)
  const refunds = listRefunds(db, orderId)
  const { due } = orderMoney({ amount: row.amount, canceled: row.canceled_at !== null, payments, refunds })
  const net = netLinePrices(db, orderId)
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    accountEmail: row.account_email,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    canceledAt: row.canceled_at,
    kind: row.kind,
    servedBy: row.served_by,
    amountDue: due,
    items: (
      sql(db, 'SELECT course_id AS courseId, title, unit_amount AS unitAmount FROM purchase_order_item WHERE order_id = ? ORDER BY id').all(orderId) as Array<Omit<OrderItem, 'netAmount'>>
    ).map((item) => ({ ...item, netAmount: net.get(item.courseId) ?? item.unitAmount })),
    payments,
    refunds,
    ownership: sql(
      db,
      `SELECT account_id AS accountId, course_id AS courseId, order_id AS orderId, granted_at AS grantedAt
         FROM account_has_course WHERE order_id = ? ORDER BY course_id`,
    ).all(orderId) as Ownership[],
    ownedElsewhere: sql(
      db,
      `SELECT h.account_id AS accountId, h.course_id AS courseId, h.order_id AS orderId, h.granted_at AS grantedAt
         FROM purchase_order_item i JOIN account_has_course h ON h.account_id = ? AND h.course_id = i.course_id
        WHERE i.order_id = ? AND h.order_id <> ? ORDER BY h.course_id`,
    ).all(row.account_id, orderId, orderId) as Ownership[],
    refundedLines: sql(db, 'SELECT course_id FROM refund_line WHERE order_id = ? ORDER BY course_id').pluck().all(orderId) as number[],
    discounts: sql(
      db,
      `SELECT d.id, d.course_id AS courseId, d.kind, d.value, d.amount, d.reason, s.name AS staffName, a.name AS approverName
         FROM order_discount d LEFT JOIN staff s ON s.id = d.staff_id LEFT JOIN staff a ON a.id = d.approver_id WHERE d.order_id = ? ORDER BY d.id`,
    ).all(orderId) as OrderDiscount[],
    ...externalOf(db, orderId),
  }
}

/** The payment taken in Stripe without the till that this order stands for, if any (external/). */
function externalOf(db: Db, orderId: number): Pick<OrderDetail, 'external'> {
  const row = sql(db, 'SELECT stripe_object_id AS stripeObjectId, source FROM external_payment WHERE order_id = ?').get(orderId) as OrderDetail['external']
  return row ? { external: row } : {}
}

export function listPayments(db: Db, orderId: number): Payment[] {
  return sql(
    db,
    `SELECT id, order_id AS orderId, method, amount, amount_received AS amountReceived, tendered_amount AS tenderedAmount,
            currency, status, stripe_payment_intent_id AS stripePaymentIntentId, failure_code AS failureCode,
            failure_message AS failureMessage, created_at AS createdAt, updated_at AS updatedAt, receipt_email AS receiptEmail
       FROM payment WHERE order_id = ? ORDER BY id`,
  ).all(orderId) as Payment[]
}

export function listRefunds(db: Db, orderId: number): Refund[] {
  return sql(
    db,
    `SELECT r.id, r.payment_id AS paymentId, r.amount, r.currency, r.status, r.reason, r.note,
            r.stripe_refund_id AS stripeRefundId, r.requested_by AS requestedBy, r.created_at AS createdAt
       FROM refund r JOIN payment p ON p.id = r.payment_id WHERE p.order_id = ? ORDER BY r.id`,
  ).all(orderId) as Refund[]
}
