import type { PaymentStatus } from '@shared/domain'
import type { Db } from '../../src/main/core/store/db'
import { grantsCourses, type PlannedOrder } from './order-plan'
import type { PlannedRefund } from './refunds'
import type { Random } from './random'
import type { StripeIds } from './stripe-ids'
import { later } from './timeline'

export interface WrittenCounts {
  orders: number
  items: number
  payments: number
  refunds: number
  ownerships: number
  stripeEvents: number
}

export interface OrderWriter {
  write(order: PlannedOrder): void
  readonly counts: Readonly<WrittenCounts>
}

// The webhook that told the till a card payment reached its state (none yet for a form never submitted).
const INTENT_EVENT: Partial<Record<PaymentStatus, string>> = {
  succeeded: 'payment_intent.succeeded',
  failed: 'payment_intent.payment_failed',
  canceled: 'payment_intent.canceled',
  requires_action: 'payment_intent.requires_action',
  processing: 'payment_intent.processing',
}

/**
 * Writes planned orders with statements prepared once. Ids are assigned here, in time order, rather than read back
 * per row: one fewer round trip per insert, and a refund can name its payment before SQLite is asked anything.
 */
export function createOrderWriter(db: Db, rng: Random, stripeIds: StripeIds, now: number): OrderWriter {
  const nextId = (table: string) => db.prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number
  let orderId = nextId('purchase_order')
  let paymentId = nextId('payment')
  let refundId = nextId('refund')

  const insertOrder = db.prepare(
    `INSERT INTO purchase_order (id, account_id, amount, currency, status, canceled_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertItem = db.prepare('INSERT INTO purchase_order_item (order_id, course_id, title, unit_amount) VALUES (?, ?, ?, ?)')
  const insertPayment = db.prepare(
    `INSERT INTO payment (id, order_id, method, amount, amount_received, tendered_amount, currency, status,
                          stripe_payment_intent_id, failure_code, failure_message, stripe_synced_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertRefund = db.prepare(
    `INSERT INTO refund (id, payment_id, amount, currency, status, reason, note, stripe_refund_id, requested_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // The till's grant rule (ownership.ts): a course the customer already owns stays with the earlier order.
  const grantCourse = db.prepare(
    `INSERT INTO account_has_course (account_id, course_id, order_id, granted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, course_id) DO NOTHING`,
  )
  const insertStripeEvent = db.prepare(
    `INSERT INTO stripe_event (id, type, created, object_id, order_id, received_at, processed_at, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'applied')`,
  )
  const counts: WrittenCounts = { orders: 0, items: 0, payments: 0, refunds: 0, ownerships: 0, stripeEvents: 0 }

  /** Stripe's `created` is unix seconds; the till stamps received and processed with one clock reading. */
  function recordEvent(type: string, happenedAt: number, objectId: string, forOrder: number): number {
    const created = Math.floor(happenedAt / 1000)
    const receivedAt = later(rng, now, happenedAt, 200, 3_000)
    insertStripeEvent.run(stripeIds.event(), type, created, objectId, forOrder, receivedAt, receivedAt)
    counts.stripeEvents++
    return created
  }

  function writeRefund(refund: PlannedRefund, payment: { id: number; method: string }, order: PlannedOrder, forOrder: number) {
    // Cash refunds never touch Stripe; a card refund Stripe refused outright never got an id either.
    const stripeRefund = payment.method === 'card' && refund.status !== 'failed' ? stripeIds.refund() : null
    if (stripeRefund !== null) recordEvent('refund.updated', refund.updatedAt, stripeRefund, forOrder)
    insertRefund.run(
      refundId++,
      payment.id,
      refund.amount,
      order.currency,
      refund.status,
      refund.reason,
      refund.note,
      stripeRefund,
      refund.requestedBy,
      refund.createdAt,
      refund.updatedAt,
    )
  }

  function write(order: PlannedOrder): void {
    const id = orderId++
    const { settlement } = order
    const { accountId, amount, currency, status, createdAt, updatedAt } = order
    insertOrder.run(id, accountId, amount, currency, status, settlement.canceledAt, createdAt, updatedAt)
    for (const course of order.items) insertItem.run(id, course.id, course.title, course.priceAmount)

    const written = settlement.payments.map((payment) => {
      const intent = payment.method === 'card' ? stripeIds.paymentIntent() : null
      const event = INTENT_EVENT[payment.status]
      // stripe_synced_at is the `created` of the newest event applied to the payment (see apply-intent.ts).
      const syncedAt = intent !== null && event ? recordEvent(event, payment.updatedAt, intent, id) : null
      const row = { id: paymentId++, method: payment.method }
      insertPayment.run(
        row.id,
        id,
        payment.method,
        payment.amount,
        payment.amountReceived,
        payment.tenderedAmount,
        order.currency,
        payment.status,
        intent,
        payment.failure?.code ?? null,
        payment.failure?.message ?? null,
        syncedAt,
        payment.createdAt,
        payment.updatedAt,
      )
      return row
    })
    for (const refund of settlement.refunds) writeRefund(refund, written[refund.payment], order, id)

    if (grantsCourses(order)) {
      for (const course of order.items) {
        counts.ownerships += grantCourse.run(order.accountId, course.id, id, settlement.paidInFullAt).changes
      }
    }
    counts.orders++
    counts.items += order.items.length
    counts.payments += written.length
    counts.refunds += settlement.refunds.length
  }

  return { write, counts }
}
