import type { OrderDetail, OrderStatus, RefundReason } from '@shared/domain'
import { AppError, conflict, invalidInput, notFound } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { getOrderDetail } from '../orders/read-order'
import { settleOrder } from '../orders/settle'
import { sql } from '../store/statements'
import type { StripeGateway } from '../stripe/gateway'
import { applyRefund } from './apply-refund'
import { scopeOf } from '../stripe/installation-scope'
import { actingApproverId, actingStaffId } from '../staff/acting'
import { drawerShiftForCash, openShiftId } from '../shifts/drawer'
import { addCreditEntry } from '../credit/ledger'

export interface RefundRequest {
  paymentId: number
  amount: number
  reason: RefundReason
  note?: string | null
  actor: string
  /** Sent again with a repeated request (double click, retry after a timeout) so it refunds once. */
  requestKey?: string | null
}

interface PaymentForRefund {
  id: number
  order_id: number
  method: 'card' | 'cash' | 'credit'
  account_id: number
  status: string
  amount_received: number
  currency: string
  stripe_payment_intent_id: string | null
  committed: number
}

export function createRefunds(ctx: CoreContext, gateway: StripeGateway | null) {
  /** Refunds all or part of a payment; never more than is left, card refunds through Stripe, cash recorded. */
  async function refundPayment(request: RefundRequest): Promise<OrderDetail> {
    const reserved = reserve(request)
    // Cash and credit are given back here and now; only a card refund goes through Stripe.
    if (reserved.existing || reserved.method !== 'card') return getOrderDetail(ctx.db, reserved.orderId)
    try {
      await refuseForeignIntent(reserved.paymentIntentId!)
      const refund = await gateway!.createRefund({
        refundId: reserved.refundId,
        orderId: reserved.orderId,
        paymentIntentId: reserved.paymentIntentId!,
        amount: request.amount,
        reason: request.reason,
      })
      inTransaction(ctx, (queue) => applyRefund({ db: ctx.db, now: ctx.now(), actor: request.actor, queue, installationId: ctx.installationId }, refund))
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('internal', String(error))
      // Stripe said no: the reservation is released. Unreachable: it stays pending and catch-up retries it
      // with the same idempotency key, so it can never be refunded twice.
      if (appError.code !== 'unavailable') markFailed(reserved.refundId, reserved.orderId, request.actor, appError.message)
      throw appError
    }
    return getOrderDetail(ctx.db, reserved.orderId)
  }

  /** Inside one transaction: check what is left to refund and record the refund before asking Stripe. */
  function reserve(request: RefundRequest) {
    const { paymentId, amount, actor } = request
    if (!Number.isSafeInteger(amount) || amount <= 0) throw invalidInput('A refund must be a positive amount')
    return inTransaction(ctx, (queue) => {
      const { db } = ctx
      if (request.requestKey) {
        const earlier = sql(db, 'SELECT r.id, p.order_id FROM refund r JOIN payment p ON p.id = r.payment_id WHERE r.request_key = ?').get(request.requestKey) as
          | { id: number; order_id: number }
          | undefined
        if (earlier) return { existing: true, orderId: earlier.order_id, refundId: earlier.id, method: 'card' as const, paymentIntentId: null }
      }
      const payment = sql(
        db,
        `SELECT p.id, p.order_id, p.method, p.status, p.amount_received, p.currency, p.stripe_payment_intent_id,
                (SELECT account_id FROM purchase_order WHERE id = p.order_id) AS account_id,
                coalesce((SELECT sum(amount) FROM refund WHERE payment_id = p.id AND status IN ('pending', 'requires_action', 'succeeded')), 0) AS committed
           FROM payment p WHERE p.id = ?`,
      ).get(paymentId) as PaymentForRefund | undefined
      if (!payment) throw notFound(`Payment ${paymentId} does not exist`)
      if (payment.status !== 'succeeded') throw conflict(`Payment ${paymentId} is ${payment.status}; only a succeeded payment can be refunded`)
      const left = payment.amount_received - payment.committed
      if (left <= 0) throw conflict(`Payment ${paymentId} has already been refunded in full`)
      if (amount > left) throw invalidInput(`Only ${left} (minor units of ${payment.currency}) can still be refunded on payment ${paymentId}`, { refundable: left })
      if (payment.method === 'card' && !gateway) throw new AppError('unavailable', 'Card refunds need Stripe, which is not configured')
      // Cash handed back comes out of the drawer, so it needs the open shift; a card refund is only noted in it.
      const shiftId = payment.method === 'cash' ? drawerShiftForCash(db) : openShiftId(db)
      const now = ctx.now()
      const status = payment.method === 'card' ? 'pending' : 'succeeded'
      const refundId = Number(
        sql(
          db,
          `INSERT INTO refund (payment_id, amount, currency, status, reason, note, requested_by, request_key, staff_id, approver_id, shift_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(paymentId, amount, payment.currency, status, request.reason, request.note ?? null, actor, request.requestKey ?? null, actingStaffId(), actingApproverId(), shiftId, now, now).lastInsertRowid,
      )
      // A credit-paid part goes back to the customer's credit balance, in the same transaction as the refund row.
      if (payment.method === 'credit') {
        addCreditEntry(db, now, { accountId: payment.account_id, currency: payment.currency, kind: 'refund', amount, source: 'refund', actor, paymentId, refundId, orderId: payment.order_id })
        queue({ type: 'credit.changed', accountId: payment.account_id })
      }
      audit(db, now, { actor, action: 'refund.requested', entityType: 'refund', entityId: refundId, orderId: payment.order_id, detail: { paymentId, amount, method: payment.method, reason: request.reason } })
      // The new refund row changes what open windows show even when the order's status stays the same.
      const settled = status === 'succeeded' ? settleOrder(db, now, payment.order_id, actor, queue) : null
      if (!settled || settled.from === settled.to) queue({ type: 'order.changed', orderId: payment.order_id, status: settled?.to ?? orderStatus(payment.order_id) })
      return { existing: false, orderId: payment.order_id, refundId, method: payment.method, paymentIntentId: payment.stripe_payment_intent_id }
    })
  }

  /**
   * A payment an earlier version recorded against another till's intent (replayed to it under a colliding
   * idempotency key) took no money of ours: refunding it would refund the other till's customer.
   */
  async function refuseForeignIntent(paymentIntentId: string) {
    const intent = await gateway!.retrieveIntent(paymentIntentId)
    if (scopeOf(intent, ctx.installationId) === 'foreign') {
      throw conflict(`PaymentIntent ${paymentIntentId} belongs to another till on this Stripe account; this payment took no money here and cannot be refunded from this till`)
    }
  }

  function orderStatus(orderId: number): OrderStatus {
    return sql(ctx.db, 'SELECT status FROM purchase_order WHERE id = ?').pluck().get(orderId) as OrderStatus
  }

  function markFailed(refundId: number, orderId: number, actor: string, message: string) {
    inTransaction(ctx, () => {
      const now = ctx.now()
      sql(ctx.db, "UPDATE refund SET status = 'failed', note = coalesce(note || ' — ', '') || ?, updated_at = ? WHERE id = ?").run(message, now, refundId)
      audit(ctx.db, now, { actor, action: 'refund.failed', entityType: 'refund', entityId: refundId, orderId, detail: { message } })
    })
  }

  /** Refunds recorded but never confirmed by Stripe (it was unreachable): asked again with the same key. */
  async function retryPendingRefunds(olderThanMs = 60_000): Promise<number> {
    const pending = sql(
      ctx.db,
      `SELECT r.id, r.amount, r.reason, r.requested_by AS actor, r.stripe_idempotency_key AS legacyKey,
              p.order_id AS orderId, p.stripe_payment_intent_id AS intent
         FROM refund r JOIN payment p ON p.id = r.payment_id
        WHERE r.status = 'pending' AND r.stripe_refund_id IS NULL AND p.method = 'card' AND r.created_at < ?`,
    ).all(ctx.now() - olderThanMs) as Array<{ id: number; amount: number; reason: string; actor: string; legacyKey: string | null; orderId: number; intent: string }>
    for (const row of pending) {
      try {
        await refuseForeignIntent(row.intent)
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'conflict') throw error
        markFailed(row.id, row.orderId, row.actor, error.message)
        continue
      }
      const refund = await gateway!.createRefund({
        refundId: row.id,
        orderId: row.orderId,
        paymentIntentId: row.intent,
        amount: row.amount,
        reason: row.reason,
        legacyKey: row.legacyKey,
      })
      inTransaction(ctx, (queue) => applyRefund({ db: ctx.db, now: ctx.now(), actor: row.actor, queue, installationId: ctx.installationId }, refund))
    }
    return pending.length
  }

  return { refundPayment, retryPendingRefunds }
}

export type Refunds = ReturnType<typeof createRefunds>
