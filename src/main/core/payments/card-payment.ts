import type { CardCheckout, OrderDetail, Payment } from '@shared/domain'
import { AppError, conflict } from '@shared/errors'
import { audit } from '../audit'
import { getAccount } from '../accounts'
import { inTransaction, type CoreContext } from '../context'
import { getOrderDetail } from '../orders/read-order'
import { sql } from '../store/statements'
import type { StripeGateway } from '../stripe/gateway'
import { applyIntent, type ApplyOutcome } from './apply-intent'
import { scopeOf } from '../stripe/installation-scope'
import { settleOrder } from '../orders/settle'
import { actingStaffId } from '../staff/acting'
import { openShiftId } from '../shifts/drawer'
import type { IntentFacts } from './intent-status'

const OPEN = new Set(['pending', 'failed', 'requires_action', 'processing'])
const CLOSED_ORDER = new Set(['successful', 'partially_refunded', 'refunded', 'canceled'])

export function createCardPayments(ctx: CoreContext, gateway: StripeGateway) {
  // One start per order at a time: a double click waits for the first and gets the same intent.
  const starting = new Map<number, Promise<CardCheckout>>()

  /** The order's open PaymentIntent (reused, its amount kept to what is still owed) or a new one. */
  function getOrCreatePaymentIntent(orderId: number): Promise<CardCheckout> {
    const running = starting.get(orderId)
    if (running) return running
    const started = startCheckout(orderId).finally(() => starting.delete(orderId))
    starting.set(orderId, started)
    return started
  }

  async function startCheckout(orderId: number): Promise<CardCheckout> {
    const order = payableOrder(orderId)
    const open = [...order.payments].reverse().find((p) => p.method === 'card' && OPEN.has(p.status))
    if (open?.stripePaymentIntentId) {
      const intent = await gateway.retrieveIntent(open.stripePaymentIntentId)
      if (scopeOf(intent, ctx.installationId) === 'foreign') {
        closeForeignIntent(open)
        return startCheckout(orderId)
      }
      if (intent.status !== 'succeeded' && intent.status !== 'canceled') return reuse(order, open, intent)
      // Stripe moved on without telling us (missed webhooks): record that, then decide again.
      applyFresh(intent)
      return startCheckout(orderId)
    }
    const account = getAccount(ctx.db, order.accountId)!
    const customer = account.stripeCustomerId ?? (await gateway.ensureCustomer(account))
    if (!account.stripeCustomerId) {
      sql(ctx.db, 'UPDATE account SET stripe_customer_id = ?, updated_at = ? WHERE id = ? AND stripe_customer_id IS NULL').run(customer, ctx.now(), account.id)
    }
    const attempt = order.payments.filter((p) => p.method === 'card').length + 1
    const intent = await gateway.createIntent({ orderId, attempt, amount: order.amountDue, currency: order.currency, customer, email: account.email, saveCard: order.kind === 'installment' })
    const paymentId = inTransaction(ctx, (queue) => {
      const now = ctx.now()
      const inserted = sql(
        ctx.db,
        `INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, staff_id, shift_id, created_at, updated_at)
         VALUES (?, 'card', ?, ?, 'pending', ?, ?, ?, ?, ?) ON CONFLICT (stripe_payment_intent_id) DO NOTHING`,
      ).run(orderId, intent.amount, order.currency, intent.id, actingStaffId(), openShiftId(ctx.db), now, now)
      const id = sql(ctx.db, 'SELECT id FROM payment WHERE stripe_payment_intent_id = ?').pluck().get(intent.id) as number
      if (inserted.changes > 0) {
        audit(ctx.db, now, { actor: 'staff', action: 'payment.card_started', entityType: 'payment', entityId: id, orderId, detail: { paymentIntent: intent.id, amount: intent.amount, attempt } })
        queue({ type: 'payment.changed', orderId, paymentId: id, status: 'pending' })
      }
      return id
    })
    return checkout(orderId, paymentId, intent)
  }

  async function reuse(order: OrderDetail, payment: Payment, intent: IntentFacts & { client_secret: string | null }) {
    const changeable = intent.status === 'requires_payment_method' || intent.status === 'requires_confirmation'
    if (changeable && intent.amount !== order.amountDue) {
      // Cash was taken since the intent was made: the card is charged only what is still owed.
      const updated = await gateway.updateIntentAmount(intent.id, order.amountDue)
      inTransaction(ctx, () => {
        const now = ctx.now()
        sql(ctx.db, 'UPDATE payment SET amount = ?, updated_at = ? WHERE id = ?').run(updated.amount, now, payment.id)
        audit(ctx.db, now, { actor: 'staff', action: 'payment.amount_changed', entityType: 'payment', entityId: payment.id, orderId: order.id, detail: { from: payment.amount, to: updated.amount } })
      })
      return checkout(order.id, payment.id, updated)
    }
    return checkout(order.id, payment.id, intent)
  }

  function payableOrder(orderId: number): OrderDetail {
    const order = getOrderDetail(ctx.db, orderId)
    if (CLOSED_ORDER.has(order.status)) throw conflict(`Order ${orderId} is ${order.status.replace('_', ' ')}; it takes no card payment`)
    if (order.amountDue === 0) throw conflict(`Order ${orderId} has nothing left to pay`)
    return order
  }

  function applyFresh(intent: IntentFacts): ApplyOutcome {
    return inTransaction(
      ctx,
      (queue) =>
        applyIntent({ db: ctx.db, now: ctx.now(), actor: 'till', queue, installationId: ctx.installationId }, intent, {
          at: Math.floor(ctx.now() / 1000),
          fresh: true,
        }).outcome,
    )
  }

  /**
   * The direct check: after the checkout reports a confirmation, read each open intent of the order from Stripe
   * and apply it, so a sale completes at the counter even when no webhook can reach us.
   */
  async function syncOrderPayments(orderId: number): Promise<OrderDetail> {
    const order = getOrderDetail(ctx.db, orderId)
    for (const payment of order.payments) {
      if (payment.method !== 'card' || !payment.stripePaymentIntentId || !OPEN.has(payment.status)) continue
      try {
        if (applyFresh(await gateway.retrieveIntent(payment.stripePaymentIntentId)) === 'foreign') closeForeignIntent(payment)
      } catch (error) {
        if (!isMissing(error)) throw error
        closeMissingIntent(payment)
      }
    }
    return getOrderDetail(ctx.db, orderId)
  }

  /**
   * The intent is unknown to the Stripe account now connected (the till moved from the sandbox to real keys,
   * or it was deleted): nobody can pay it any more, so the attempt is closed and the order can be paid afresh.
   */
  function closeMissingIntent(payment: Payment) {
    closeAttempt(payment, 'intent_missing', 'This PaymentIntent does not exist in the connected Stripe account', 'payment.intent_missing')
  }

  /**
   * The payment names another till's intent (an earlier version could be handed one under a colliding
   * idempotency key): its money is not ours, so the attempt is closed, untouched by that intent's facts,
   * and the order is paid afresh with an intent of our own.
   */
  function closeForeignIntent(payment: Payment) {
    closeAttempt(payment, 'intent_foreign', "This PaymentIntent belongs to another till on the same Stripe account", 'payment.intent_foreign')
  }

  function closeAttempt(payment: Payment, code: string, message: string, action: string) {
    inTransaction(ctx, (queue) => {
      const now = ctx.now()
      sql(ctx.db, "UPDATE payment SET status = 'canceled', failure_code = ?, failure_message = ?, updated_at = ? WHERE id = ?").run(code, message, now, payment.id)
      audit(ctx.db, now, { actor: 'till', action, entityType: 'payment', entityId: payment.id, orderId: payment.orderId, detail: { paymentIntent: payment.stripePaymentIntentId } })
      queue({ type: 'payment.changed', orderId: payment.orderId, paymentId: payment.id, status: 'canceled' })
      settleOrder(ctx.db, now, payment.orderId, 'till', queue)
    })
  }

  /**
   * Cancels the order's card intents nobody is confirming any more (the order was paid in cash, or canceled),
   * so a card form left open elsewhere cannot charge a paid order. Intents mid-authentication are left alone.
   */
  async function cancelOpenIntents(orderId: number): Promise<void> {
    const order = getOrderDetail(ctx.db, orderId)
    if (order.amountDue > 0 && order.status !== 'canceled') return
    for (const payment of order.payments) {
      if (payment.method !== 'card' || !payment.stripePaymentIntentId) continue
      if (payment.status !== 'pending' && payment.status !== 'failed') continue
      // Never cancel another till's checkout, whatever an old row of ours says.
      if (scopeOf(await gateway.retrieveIntent(payment.stripePaymentIntentId), ctx.installationId) === 'foreign') {
        closeForeignIntent(payment)
        continue
      }
      applyFresh(await gateway.cancelIntent(payment.stripePaymentIntentId))
    }
  }

  /**
   * Staff give up on a card attempt left waiting for 3-D Secure (the page was reloaded or closed mid-way): the
   * intent is canceled at Stripe, so it can never be completed later, and the order takes cash or a new card.
   */
  async function abandonInterruptedCard(orderId: number): Promise<OrderDetail> {
    const order = getOrderDetail(ctx.db, orderId)
    for (const payment of order.payments) {
      if (payment.method !== 'card' || payment.status !== 'requires_action' || !payment.stripePaymentIntentId) continue
      applyFresh(await gateway.cancelIntent(payment.stripePaymentIntentId))
    }
    return getOrderDetail(ctx.db, orderId)
  }

  return { getOrCreatePaymentIntent, syncOrderPayments, cancelOpenIntents, abandonInterruptedCard }
}

function checkout(orderId: number, paymentId: number, intent: IntentFacts & { client_secret: string | null }): CardCheckout {
  if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} came back without a client secret`)
  return { orderId, paymentId, paymentIntentId: intent.id, clientSecret: intent.client_secret, amount: intent.amount, currency: intent.currency.toUpperCase() }
}

export type CardPayments = ReturnType<typeof createCardPayments>

function isMissing(error: unknown): boolean {
  return error instanceof AppError && error.details?.code === 'resource_missing'
}
