// The hosted checkout page at a session's `url`: a customer types a test card and pays, which completes
// the session exactly as Stripe Checkout would (payment intent succeeded, checkout.session.completed).

import type Stripe from 'stripe'
import { expireDueSessions, intentForSession, lineItemsOf } from '../checkout/sessions'
import type { Ctx } from '../context'
import { ApiError } from '../http/errors'
import { escapeHtml, page, type PageReply, type PageRequest, type PageRoute } from '../http/pages'
import { formatAmount } from '../payments/amounts'
import { confirmWithPaymentMethod, rejectCardDetails } from '../payments/confirm'
import { readCard } from '../payments/payment-method-params'
import { createCardPaymentMethod } from '../payments/payment-methods'

function field(request: PageRequest, name: string): string {
  const value = request.params[name]
  return typeof value === 'string' ? value.trim() : ''
}

export function successUrlFor(session: Stripe.Checkout.Session): string {
  return (session.success_url ?? '/').replace('{CHECKOUT_SESSION_ID}', session.id)
}

/** "12/34", "12 / 2034" → month and year text as typed; validation happens with the card. */
export function splitExpiry(expiry: string): { month: string; year: string } {
  const [month = '', year = ''] = expiry.split('/').map((part) => part.trim())
  return { month, year }
}

function form(ctx: Ctx, session: Stripe.Checkout.Session, error?: string): PageReply {
  const rows = lineItemsOf(ctx, session.id)
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.description ?? '')} × ${item.quantity ?? 1}</td><td>${escapeHtml(formatAmount(item.amount_total, item.currency))}</td></tr>`,
    )
    .join('')
  const email = session.customer_email ?? ''
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>` : ''
  return page(
    'Checkout',
    `<h1>Pay ${escapeHtml(formatAmount(session.amount_total ?? 0, session.currency ?? 'usd'))}</h1>
<table>${rows}</table>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/checkout/${escapeHtml(session.id)}">
<label for="email">Email</label><input id="email" name="email" type="email" required value="${escapeHtml(email)}"${email ? ' readonly' : ''}>
<label for="card_number">Card number</label><input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required placeholder="4242 4242 4242 4242">
<label for="card_expiry">Expiry (MM / YY)</label><input id="card_expiry" name="card_expiry" autocomplete="cc-exp" required placeholder="12 / 34">
<label for="card_cvc">CVC</label><input id="card_cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" required placeholder="123">
<label for="postal_code">Postal code</label><input id="postal_code" name="postal_code" autocomplete="postal-code">
<button type="submit">Pay</button>
</form>${cancel}`,
  )
}

function stateOrForm(request: PageRequest, error?: string): PageReply {
  expireDueSessions(request)
  const session = request.core.store.get('checkout.session', request.pathParams.id ?? '')
  if (!session) return page('Not found', '<p class="error">This checkout session does not exist.</p>', 404)
  if (session.status === 'complete') return { redirect: successUrlFor(session) }
  if (session.status === 'expired') {
    return page('Checkout expired', '<p class="error">This checkout session has expired.</p>', 410)
  }
  return form(request, session, error)
}

function pay(request: PageRequest): PageReply {
  expireDueSessions(request)
  const session = request.core.store.get('checkout.session', request.pathParams.id ?? '')
  if (!session || session.status !== 'open') return stateOrForm(request)
  const email = field(request, 'email') || session.customer_email
  if (!email) return form(request, session, 'Enter your email address.')
  const postalCode = field(request, 'postal_code') || null
  const pi = intentForSession(request, session, { email, postalCode })
  const reloaded = request.core.store.get('checkout.session', session.id) ?? session
  const expiry = splitExpiry(field(request, 'card_expiry'))
  let pm: Stripe.PaymentMethod
  try {
    const card = readCard(
      request,
      { number: field(request, 'card_number'), exp_month: expiry.month, exp_year: expiry.year, cvc: field(request, 'card_cvc') },
      'card',
    )
    pm = createCardPaymentMethod(request, card, { email, ...(postalCode ? { postalCode } : {}) })
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 402) rejectCardDetails(request, pi, error.body)
    return form(request, reloaded, error.message)
  }
  const reply = confirmWithPaymentMethod(request, pi, pm)
  const after = request.core.store.get('payment_intent', pi.id)
  // Paid, or submitted and settling later (the session completed unpaid): Stripe sends the customer on either way.
  if (after?.status === 'succeeded' || after?.status === 'processing') return { redirect: successUrlFor(reloaded) }
  if (after?.status === 'requires_action') {
    return { redirect: `/v1/sandbox/3ds/${pi.id}?return_to=${encodeURIComponent(`/checkout/${session.id}/return`)}` }
  }
  const message = (reply.body as { error?: { message?: string } }).error?.message ?? 'Your payment could not be completed.'
  return form(request, reloaded, message)
}

/** Back from the 3-D Secure page: done, or the form again with why authentication failed. */
function returned(request: PageRequest): PageReply {
  const session = request.core.store.get('checkout.session', request.pathParams.id ?? '')
  const pi =
    session && typeof session.payment_intent === 'string'
      ? request.core.store.get('payment_intent', session.payment_intent)
      : undefined
  return stateOrForm(request, pi?.last_payment_error?.message)
}

/**
 * Stripe's own confirmation after paying, for integrations that send customers back to the checkout's site:
 * an app with no web page of its own (a till) can use `<base>/checkout/{CHECKOUT_SESSION_ID}/done`.
 */
function done(request: PageRequest): PageReply {
  expireDueSessions(request)
  const session = request.core.store.get('checkout.session', request.pathParams.id ?? '')
  if (!session) return page('Not found', '<p class="error">This checkout session does not exist.</p>', 404)
  if (session.status !== 'complete') return stateOrForm(request)
  const amount = escapeHtml(formatAmount(session.amount_total ?? 0, session.currency ?? 'usd'))
  const message = session.payment_status === 'paid' ? `Payment of ${amount} received. Thank you — you can close this page.` : `Payment of ${amount} is being processed. You can close this page.`
  return page('Payment received', `<h1>Thank you</h1><p role="status">${message}</p>`)
}

export const checkoutPages: PageRoute[] = [
  { method: 'GET', path: '/checkout/:id', handler: (request) => stateOrForm(request) },
  { method: 'POST', path: '/checkout/:id', handler: pay },
  { method: 'GET', path: '/checkout/:id/return', handler: returned },
  { method: 'GET', path: '/checkout/:id/done', handler: done },
]
