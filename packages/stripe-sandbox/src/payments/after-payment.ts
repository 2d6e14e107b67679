// What happens to the object an intent pays for (invoice, checkout session) once the payment settles.

import type Stripe from 'stripe'
import { markInvoicePaid, markInvoicePaymentFailed } from '../billing/invoices'
import { completeSessionPayment } from '../checkout/sessions'
import type { Ctx } from '../context'
import { intentOwner } from './intent'

export function afterIntentSucceeded(ctx: Ctx, pi: Stripe.PaymentIntent): void {
  const owner = intentOwner(ctx, pi.id)
  if (owner?.type === 'invoice') markInvoicePaid(ctx, owner.id, pi)
  if (owner?.type === 'checkout.session') completeSessionPayment(ctx, owner.id, pi)
}

export function afterIntentFailed(ctx: Ctx, pi: Stripe.PaymentIntent): void {
  const owner = intentOwner(ctx, pi.id)
  // A checkout session simply stays open for another try; an invoice records the failed attempt.
  if (owner?.type === 'invoice') markInvoicePaymentFailed(ctx, owner.id)
}
