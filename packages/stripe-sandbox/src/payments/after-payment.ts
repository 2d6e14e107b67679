// What happens to the object an intent pays for (invoice, checkout session) once the payment settles.

import type Stripe from 'stripe'
import { markInvoicePaid, markInvoicePaymentFailed } from '../billing/invoices'
import { completeSessionPayment, failSessionPayment } from '../checkout/sessions'
import type { Ctx } from '../context'
import { intentOwner } from './intent'
import { attachPaymentMethod } from './payment-methods'

/** A payment submitted on a checkout session that settles later: the session completes unpaid now. */
export function afterIntentProcessing(ctx: Ctx, pi: Stripe.PaymentIntent): void {
  const owner = intentOwner(ctx, pi.id)
  if (owner?.type === 'checkout.session') completeSessionPayment(ctx, owner.id, pi)
}

export function afterIntentSucceeded(ctx: Ctx, pi: Stripe.PaymentIntent): void {
  saveForFutureUse(ctx, pi)
  const owner = intentOwner(ctx, pi.id)
  if (owner?.type === 'invoice') markInvoicePaid(ctx, owner.id, pi)
  if (owner?.type === 'checkout.session') completeSessionPayment(ctx, owner.id, pi)
}

export function afterIntentFailed(ctx: Ctx, pi: Stripe.PaymentIntent): void {
  const owner = intentOwner(ctx, pi.id)
  // A checkout session simply stays open for another try (or, paid late and failed, says so); an invoice records
  // the failed attempt.
  if (owner?.type === 'invoice') markInvoicePaymentFailed(ctx, owner.id)
  if (owner?.type === 'checkout.session') failSessionPayment(ctx, owner.id)
}

/** `setup_future_usage` with a customer: the card that paid is attached to the customer for later (off-session) use. */
function saveForFutureUse(ctx: Ctx, pi: Stripe.PaymentIntent): void {
  const customer = typeof pi.customer === 'string' ? pi.customer : pi.customer?.id
  const pmId = typeof pi.payment_method === 'string' ? pi.payment_method : pi.payment_method?.id
  if (!pi.setup_future_usage || !customer || !pmId) return
  const pm = ctx.core.store.get('payment_method', pmId)
  if (pm && !pm.customer) attachPaymentMethod(ctx, pmId, customer, 'payment_method')
}
