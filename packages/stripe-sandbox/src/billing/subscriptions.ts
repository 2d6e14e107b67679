// Subscription lifecycle: creation with its first invoice, renewal at each period end, cancellation.

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent, emitUpdated } from '../events/emit'
import { ApiError, invalidRequest, type StripeErrorBody } from '../http/errors'
import { timeFor } from '../resources/lookup'
import { collectInvoice, defaultPaymentMethodFor } from './collect'
import { createDraftInvoice, finalizeInvoice } from './invoices'
import { periodEnd, type Interval } from './periods'
import { buildSubscription, type NewSubscription } from './subscription-shape'

export type PaymentBehavior = 'default_incomplete' | 'allow_incomplete' | 'error_if_incomplete' | 'pending_if_incomplete'

const NO_PAYMENT_METHOD =
  'This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.'

function itemPeriod(subscription: Stripe.Subscription): { start: number; end: number } {
  const item = subscription.items.data[0]
  if (!item) throw new Error(`subscription ${subscription.id} has no items`)
  return { start: item.current_period_start, end: item.current_period_end }
}

function openInvoice(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  customer: Stripe.Customer,
  reason: 'subscription_create' | 'subscription_cycle',
  invoicePeriod: { start: number; end: number },
) {
  const linePeriod = itemPeriod(subscription)
  return createDraftInvoice(ctx, {
    customer,
    subscription,
    lines: subscription.items.data.map((subscriptionItem) => ({ subscriptionItem, period: linePeriod })),
    billingReason: reason,
    period: invoicePeriod,
    created: timeFor(ctx, customer.id),
  })
}

/**
 * Creates the subscription and its first invoice. `default_incomplete` leaves the invoice's intent for the
 * customer to confirm; the other behaviours charge the default payment method at once.
 */
export function startSubscription(ctx: Ctx, fields: NewSubscription, behavior: PaymentBehavior): Stripe.Subscription {
  const built = buildSubscription(fields)
  const charged = behavior !== 'default_incomplete'
  const pm = charged ? defaultPaymentMethodFor(ctx, built) : undefined
  if (charged && !pm) throw invalidRequest(NO_PAYMENT_METHOD, { code: 'resource_missing' })
  const draft = openInvoice(ctx, built, fields.customer, 'subscription_create', { start: fields.created, end: fields.created })
  const created: Stripe.Subscription = { ...built, latest_invoice: draft.id }
  ctx.core.store.insert('subscription', created)
  emitEvent(ctx, 'customer.subscription.created', created)
  const invoice = finalizeInvoice(ctx, draft)
  if (charged) {
    const reply = collectInvoice(ctx, invoice, pm)
    // error_if_incomplete: a failed first payment means no subscription at all (the transaction rolls back).
    if (behavior === 'error_if_incomplete' && reply?.status === 402) {
      throw new ApiError(402, (reply.body as { error: StripeErrorBody }).error)
    }
  }
  const saved = ctx.core.store.get('subscription', built.id)
  if (!saved) throw new Error(`subscription ${built.id} vanished`)
  return saved
}

export function cancelSubscription(ctx: Ctx, subscription: Stripe.Subscription, at: number): Stripe.Subscription {
  const canceled: Stripe.Subscription = {
    ...subscription,
    status: 'canceled',
    canceled_at: subscription.canceled_at ?? at,
    ended_at: at,
    cancel_at: null,
  }
  ctx.core.store.update('subscription', canceled)
  emitEvent(ctx, 'customer.subscription.deleted', canceled)
  return canceled
}

/** End of the period after the current one, counted from the billing anchor (keeps month ends stable). */
function followingPeriodEnd(subscription: Stripe.Subscription, currentEnd: number): number {
  const recurring = subscription.items.data[0]?.price.recurring
  if (!recurring) throw new Error(`subscription ${subscription.id} has no recurring price`)
  const interval = recurring.interval as Interval
  let index = 1
  while (periodEnd(subscription.billing_cycle_anchor, interval, recurring.interval_count, index) <= currentEnd) index++
  return periodEnd(subscription.billing_cycle_anchor, interval, recurring.interval_count, index)
}

/**
 * One renewal at the current period end: cancel if asked to at period end, otherwise move to the next
 * period, invoice it and charge the default payment method. Returns false when nothing is left to renew.
 */
export function renewOnce(ctx: Ctx, subscription: Stripe.Subscription, customer: Stripe.Customer): boolean {
  const period = itemPeriod(subscription)
  if (subscription.cancel_at_period_end) {
    cancelSubscription(ctx, subscription, period.end)
    return false
  }
  const next = { start: period.end, end: followingPeriodEnd(subscription, period.end) }
  const renewed: Stripe.Subscription = {
    ...subscription,
    items: {
      ...subscription.items,
      data: subscription.items.data.map((item) => ({ ...item, current_period_start: next.start, current_period_end: next.end })),
    },
  }
  const draft = openInvoice(ctx, renewed, customer, 'subscription_cycle', period)
  const withInvoice = { ...renewed, latest_invoice: draft.id }
  ctx.core.store.update('subscription', withInvoice)
  emitUpdated(ctx, 'customer.subscription.updated', subscription, withInvoice)
  const invoice = finalizeInvoice(ctx, draft)
  collectInvoice(ctx, invoice, defaultPaymentMethodFor(ctx, withInvoice))
  return true
}
