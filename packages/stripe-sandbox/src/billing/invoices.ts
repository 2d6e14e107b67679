// Invoice lifecycle: draft → open (finalized, with a PaymentIntent) → paid, as subscriptions drive it.

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent, emitUpdated } from '../events/emit'
import { buildPaymentIntent, setIntentOwner } from '../payments/intent'
import { timeFor } from '../resources/lookup'
import type { SandboxInvoice } from '../store/object-types'
import { buildInvoice, type NewInvoice } from './invoice-shape'
import { markPaymentsPaid, withInvoicePayment } from './invoice-payments'
import { nextAttemptAfter } from './retries'
import { subscriptionInvoiceFailed, subscriptionInvoicePaid } from './subscription-status'

/** Takes the customer's next invoice number (`ABCD1234-0001`), as Stripe numbers per customer. */
export function nextInvoiceNumber(ctx: Ctx, customer: Stripe.Customer): string {
  const sequence = customer.next_invoice_sequence ?? 1
  ctx.core.store.update('customer', { ...customer, next_invoice_sequence: sequence + 1 })
  return `${customer.invoice_prefix ?? 'SANDBOX'}-${String(sequence).padStart(4, '0')}`
}

/** Stores a draft invoice without announcing it (the caller orders the events). */
export function createDraftInvoice(ctx: Ctx, fields: Omit<NewInvoice, 'number'>): SandboxInvoice {
  const invoice = buildInvoice({ ...fields, number: nextInvoiceNumber(ctx, fields.customer) })
  ctx.core.store.insert('invoice', invoice)
  return invoice
}

/**
 * draft → open: numbers it and creates the PaymentIntent the customer pays (none for a zero total). A subscription's
 * draft is announced here (`invoice.created`); an invoice made by hand was announced when it was created.
 */
export function finalizeInvoice(ctx: Ctx, draft: SandboxInvoice, options: { announceCreated?: boolean; number?: string } = {}): SandboxInvoice {
  const now = timeFor(ctx, typeof draft.customer === 'string' ? draft.customer : null)
  if (options.announceCreated ?? true) emitEvent(ctx, 'invoice.created', draft)
  let open: SandboxInvoice = {
    ...draft,
    ...(options.number ? { number: options.number } : {}),
    status: 'open',
    effective_at: now,
    status_transitions: { ...draft.status_transitions, finalized_at: now },
  }
  if (draft.amount_due > 0) {
    const pi = buildPaymentIntent({
      amount: draft.amount_due,
      currency: draft.currency,
      customer: typeof draft.customer === 'string' ? draft.customer : null,
      description:
        draft.billing_reason === 'subscription_create' ? 'Subscription creation' : draft.billing_reason === 'manual' ? 'Payment for Invoice' : 'Subscription update',
      metadata: {},
      receiptEmail: null,
      automaticPaymentMethods: null,
      paymentMethodTypes: ['card'],
      // A subscription's card is kept for renewals; a one-off invoice's is not.
      setupFutureUsage: draft.billing_reason === 'manual' ? null : 'off_session',
      statementDescriptor: null,
      statementDescriptorSuffix: null,
      created: now,
    })
    ctx.core.store.insert('payment_intent', pi)
    setIntentOwner(ctx, pi.id, { type: 'invoice', id: draft.id })
    emitEvent(ctx, 'payment_intent.created', pi)
    open = {
      ...withInvoicePayment(open, pi, now),
      payment_intent: pi.id,
      confirmation_secret: { client_secret: pi.client_secret ?? '', type: 'payment_intent' },
    }
  }
  ctx.core.store.update('invoice', open)
  emitEvent(ctx, 'invoice.finalized', open)
  if (draft.amount_due === 0) return markInvoicePaid(ctx, open.id, undefined)
  return open
}

/** The invoice's PaymentIntent succeeded (or nothing was due): paid, and its subscription moves on. */
export function markInvoicePaid(ctx: Ctx, invoiceId: string, pi: Stripe.PaymentIntent | undefined): SandboxInvoice {
  const before = ctx.core.store.get('invoice', invoiceId)
  if (!before) throw new Error(`invoice ${invoiceId} vanished`)
  const now = timeFor(ctx, typeof before.customer === 'string' ? before.customer : null)
  const paid: SandboxInvoice = {
    ...markPaymentsPaid(before, now),
    status: 'paid',
    amount_paid: before.amount_due,
    amount_remaining: 0,
    attempted: true,
    attempt_count: before.attempt_count + (pi ? 1 : 0),
    next_payment_attempt: null,
    status_transitions: { ...before.status_transitions, paid_at: now },
  }
  ctx.core.store.update('invoice', paid)
  emitUpdated(ctx, 'invoice.updated', before, paid)
  emitEvent(ctx, 'invoice.paid', paid)
  emitEvent(ctx, 'invoice.payment_succeeded', paid)
  subscriptionInvoicePaid(ctx, paid, pi)
  return paid
}

/** A payment attempt on the invoice failed (decline, failed 3-D Secure, or no payment method). */
export function markInvoicePaymentFailed(ctx: Ctx, invoiceId: string): SandboxInvoice {
  const before = ctx.core.store.get('invoice', invoiceId)
  if (!before) throw new Error(`invoice ${invoiceId} vanished`)
  const attempted = { ...before, attempted: true, attempt_count: before.attempt_count + 1 }
  const renewal = before.billing_reason === 'subscription_cycle'
  const failedAt = timeFor(ctx, typeof before.customer === 'string' ? before.customer : null)
  const failed: SandboxInvoice = { ...attempted, next_payment_attempt: renewal ? nextAttemptAfter(attempted, failedAt) : null }
  ctx.core.store.update('invoice', failed)
  emitEvent(ctx, 'invoice.payment_failed', failed)
  subscriptionInvoiceFailed(ctx, failed)
  return failed
}

export function markInvoiceActionRequired(ctx: Ctx, invoiceId: string): void {
  const invoice = ctx.core.store.get('invoice', invoiceId)
  if (invoice) emitEvent(ctx, 'invoice.payment_action_required', invoice)
}

export function subscriptionOf(invoice: Stripe.Invoice): string | undefined {
  const subscription = invoice.parent?.subscription_details?.subscription
  return typeof subscription === 'string' ? subscription : subscription?.id
}
