// Stripe's retries of a failed renewal, with a fixed schedule standing in for Smart Retries: three more attempts,
// 3, 5 and 7 days after the one before; when the last fails the subscription is canceled (the account setting
// "cancel the subscription if all retries fail"). Test clocks run them as time passes.

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import type { SandboxInvoice } from '../store/object-types'

const DAY = 86_400
export const RETRY_DELAYS_DAYS = [3, 5, 7]

/** When to try the renewal again after its `attempt_count`-th failure; null when retries are exhausted. */
export function nextAttemptAfter(invoice: Pick<SandboxInvoice, 'attempt_count'>, failedAt: number): number | null {
  const delay = RETRY_DELAYS_DAYS[invoice.attempt_count - 1]
  return delay === undefined ? null : failedAt + delay * DAY
}

/** Open renewal invoices of these subscriptions whose next attempt falls at or before `until`. */
export function dueRetries(ctx: Ctx, subscriptions: Stripe.Subscription[], until: number): Array<{ at: number; invoice: SandboxInvoice; subscription: Stripe.Subscription }> {
  const due = []
  for (const subscription of subscriptions) {
    if (subscription.status !== 'past_due') continue
    const invoiceId = typeof subscription.latest_invoice === 'string' ? subscription.latest_invoice : subscription.latest_invoice?.id
    const invoice = invoiceId ? ctx.core.store.get('invoice', invoiceId) : undefined
    const at = invoice?.next_payment_attempt
    if (!invoice || invoice.status !== 'open' || typeof at !== 'number' || at > until) continue
    due.push({ at, invoice, subscription })
  }
  return due
}
