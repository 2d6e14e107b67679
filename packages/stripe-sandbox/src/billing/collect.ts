// Charging an open invoice with a stored payment method, off session (subscription creation with
// allow_incomplete/error_if_incomplete, renewals, POST /v1/invoices/:id/pay).

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import type { Reply } from '../http/handler'
import { confirmWithPaymentMethod } from '../payments/confirm'
import { isLiveCustomer } from '../resources/lookup'
import type { SandboxInvoice } from '../store/object-types'
import { markInvoiceActionRequired, markInvoicePaymentFailed } from './invoices'

function customerDefaultMethod(ctx: Ctx, customerId: string | null): string | null {
  const customer = customerId ? ctx.core.store.get('customer', customerId) : undefined
  const id = customer && isLiveCustomer(customer) ? customer.invoice_settings.default_payment_method : null
  return typeof id === 'string' ? id : (id?.id ?? null)
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null)
}

/** The method Stripe would charge: the subscription's default, else the customer's invoice default. */
export function defaultPaymentMethodFor(ctx: Ctx, subscription: Stripe.Subscription): Stripe.PaymentMethod | undefined {
  const id = idOf(subscription.default_payment_method) ?? customerDefaultMethod(ctx, idOf(subscription.customer))
  return id ? ctx.core.store.get('payment_method', id) : undefined
}

/** The same for an invoice, which may have no subscription: then the customer's invoice default alone. */
export function defaultMethodOfInvoice(
  ctx: Ctx,
  invoice: SandboxInvoice,
  subscription: Stripe.Subscription | undefined,
): Stripe.PaymentMethod | undefined {
  if (subscription) return defaultPaymentMethodFor(ctx, subscription)
  const id = customerDefaultMethod(ctx, idOf(invoice.customer))
  return id ? ctx.core.store.get('payment_method', id) : undefined
}

/**
 * Attempts the invoice's PaymentIntent with `pm`; undefined `pm` counts as a failed attempt. The
 * payment hooks mark the invoice paid or failed; this adds `payment_action_required` for 3-D Secure.
 */
export function collectInvoice(ctx: Ctx, invoice: SandboxInvoice, pm: Stripe.PaymentMethod | undefined): Reply | undefined {
  const pi = invoice.payment_intent ? ctx.core.store.get('payment_intent', invoice.payment_intent) : undefined
  if (!pi || invoice.status !== 'open') return undefined
  if (!pm) {
    markInvoicePaymentFailed(ctx, invoice.id)
    return undefined
  }
  const reply = confirmWithPaymentMethod(ctx, pi, pm)
  if (ctx.core.store.get('payment_intent', pi.id)?.status === 'requires_action') markInvoiceActionRequired(ctx, invoice.id)
  return reply
}
