// How a subscription's status follows its invoices: the first paid invoice activates it, a failed
// renewal makes it past_due, paying that renewal makes it active again.

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent, emitUpdated } from '../events/emit'
import { timeFor } from '../resources/lookup'

const ACTIVATED_BY_PAYMENT = ['incomplete', 'past_due', 'unpaid']

function subscriptionFor(ctx: Ctx, invoice: Stripe.Invoice): Stripe.Subscription | undefined {
  const reference = invoice.parent?.subscription_details?.subscription
  const id = typeof reference === 'string' ? reference : reference?.id
  return id ? ctx.core.store.get('subscription', id) : undefined
}

export function subscriptionInvoicePaid(ctx: Ctx, invoice: Stripe.Invoice, pi: Stripe.PaymentIntent | undefined): void {
  const before = subscriptionFor(ctx, invoice)
  if (!before || !ACTIVATED_BY_PAYMENT.includes(before.status)) return
  const paidWith = typeof pi?.payment_method === 'string' ? pi.payment_method : null
  const saveMethod =
    before.payment_settings?.save_default_payment_method === 'on_subscription' && !before.default_payment_method && paidWith
  const after: Stripe.Subscription = { ...before, status: 'active', ...(saveMethod ? { default_payment_method: paidWith } : {}) }
  ctx.core.store.update('subscription', after)
  emitUpdated(ctx, 'customer.subscription.updated', before, after)
}

/**
 * A failed renewal makes the subscription past_due while retries remain; when the last retry fails
 * (no next attempt) it is canceled, as with the account setting "cancel the subscription if all retries fail".
 */
export function subscriptionInvoiceFailed(ctx: Ctx, invoice: Stripe.Invoice): void {
  const before = subscriptionFor(ctx, invoice)
  if (!before || invoice.billing_reason !== 'subscription_cycle') return
  if (before.status === 'active') {
    const after: Stripe.Subscription = { ...before, status: 'past_due' }
    ctx.core.store.update('subscription', after)
    emitUpdated(ctx, 'customer.subscription.updated', before, after)
  }
  const current = subscriptionFor(ctx, invoice)
  if (current?.status !== 'past_due' || invoice.next_payment_attempt !== null) return
  const at = timeFor(ctx, typeof current.customer === 'string' ? current.customer : current.customer.id)
  const canceled: Stripe.Subscription = {
    ...current,
    status: 'canceled',
    canceled_at: current.canceled_at ?? at,
    ended_at: at,
    cancel_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: 'payment_failed' },
  }
  ctx.core.store.update('subscription', canceled)
  emitEvent(ctx, 'customer.subscription.deleted', canceled)
}
