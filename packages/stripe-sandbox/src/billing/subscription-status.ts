// How a subscription's status follows its invoices: the first paid invoice activates it, a failed
// renewal makes it past_due, paying that renewal makes it active again.

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitUpdated } from '../events/emit'

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

export function subscriptionInvoiceFailed(ctx: Ctx, invoice: Stripe.Invoice): void {
  const before = subscriptionFor(ctx, invoice)
  if (!before || invoice.billing_reason !== 'subscription_cycle' || before.status !== 'active') return
  const after: Stripe.Subscription = { ...before, status: 'past_due' }
  ctx.core.store.update('subscription', after)
  emitUpdated(ctx, 'customer.subscription.updated', before, after)
}
