// Checkout session lifecycle: open → complete (paid on the hosted page) or expired (expires_at passed,
// or expired through the API).

import type Stripe from 'stripe'
import type { Ctx, SandboxCore } from '../context'
import { automaticCtx } from '../context'
import { emitEvent } from '../events/emit'
import { buildPaymentIntent, setIntentOwner } from '../payments/intent'
import { createCustomerRecord } from '../resources/customers'
import { timeFor } from '../resources/lookup'

export function lineItemsOf(ctx: Ctx, sessionId: string): Stripe.LineItem[] {
  return ctx.core.store.getPrivate<Stripe.LineItem[]>(sessionId, 'line_items') ?? []
}

/** What the customer typed on the hosted page, kept until the payment completes the session. */
export interface EnteredDetails {
  email: string | null
  postalCode: string | null
}

export function sessionNow(ctx: Ctx, session: Stripe.Checkout.Session): number {
  return timeFor(ctx, typeof session.customer === 'string' ? session.customer : null)
}

/** The session's PaymentIntent, created on first payment attempt and reused after a decline. */
export function intentForSession(ctx: Ctx, session: Stripe.Checkout.Session, details: EnteredDetails): Stripe.PaymentIntent {
  const existing =
    typeof session.payment_intent === 'string' ? ctx.core.store.get('payment_intent', session.payment_intent) : undefined
  ctx.core.store.setPrivate(session.id, 'entered', details)
  if (existing && existing.status !== 'canceled') return existing
  const intentData = ctx.core.store.getPrivate<{ metadata: Record<string, string>; description: string | null }>(
    session.id,
    'payment_intent_data',
  )
  const pi = buildPaymentIntent({
    amount: session.amount_total ?? 0,
    currency: session.currency ?? 'usd',
    customer: typeof session.customer === 'string' ? session.customer : null,
    description: intentData?.description ?? null,
    metadata: intentData?.metadata ?? {},
    receiptEmail: details.email,
    automaticPaymentMethods: null,
    paymentMethodTypes: ['card'],
    setupFutureUsage: null,
    statementDescriptor: null,
    statementDescriptorSuffix: null,
    created: sessionNow(ctx, session),
  })
  ctx.core.store.insert('payment_intent', pi)
  setIntentOwner(ctx, pi.id, { type: 'checkout.session', id: session.id })
  ctx.core.store.update('checkout.session', { ...session, payment_intent: pi.id })
  emitEvent(ctx, 'payment_intent.created', pi)
  return pi
}

/**
 * The session's intent succeeded: the session is complete and paid. A payment that settles later (the intent is
 * `processing`) completes the session `unpaid`, as Stripe does for delayed methods; its outcome follows as
 * checkout.session.async_payment_succeeded / _failed.
 */
export function completeSessionPayment(ctx: Ctx, sessionId: string, pi: Stripe.PaymentIntent): void {
  const session = ctx.core.store.get('checkout.session', sessionId)
  if (session?.status === 'complete' && session.payment_status === 'unpaid' && pi.status === 'succeeded') {
    const paid = ctx.core.store.update('checkout.session', { ...session, payment_status: 'paid' })
    emitEvent(ctx, 'checkout.session.async_payment_succeeded', paid)
    return
  }
  if (!session || session.status !== 'open') return
  const entered = ctx.core.store.getPrivate<EnteredDetails>(sessionId, 'entered') ?? { email: null, postalCode: null }
  const email = entered.email ?? session.customer_email
  let customer = typeof session.customer === 'string' ? session.customer : null
  if (!customer && session.customer_creation === 'always') customer = createCustomerRecord(ctx, { email }).id
  const completed: Stripe.Checkout.Session = {
    ...session,
    status: 'complete',
    payment_status: pi.status === 'succeeded' ? 'paid' : 'unpaid',
    payment_intent: pi.id,
    customer,
    customer_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: entered.postalCode, state: null },
      business_name: null,
      email,
      individual_name: null,
      name: null,
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    },
  }
  ctx.core.store.update('checkout.session', completed)
  emitEvent(ctx, 'checkout.session.completed', completed)
}

/** A delayed payment of a completed session failed: the session stays complete and unpaid. */
export function failSessionPayment(ctx: Ctx, sessionId: string): void {
  const session = ctx.core.store.get('checkout.session', sessionId)
  if (session?.status === 'complete' && session.payment_status === 'unpaid') emitEvent(ctx, 'checkout.session.async_payment_failed', session)
}

/** open → expired; an unpaid intent created for it is canceled, as Stripe does. */
export function expireSession(ctx: Ctx, session: Stripe.Checkout.Session): Stripe.Checkout.Session {
  const pi = typeof session.payment_intent === 'string' ? ctx.core.store.get('payment_intent', session.payment_intent) : undefined
  if (pi && pi.status !== 'succeeded' && pi.status !== 'canceled') {
    const canceled: Stripe.PaymentIntent = {
      ...pi,
      status: 'canceled',
      canceled_at: sessionNow(ctx, session),
      cancellation_reason: 'abandoned',
      next_action: null,
    }
    ctx.core.store.update('payment_intent', canceled)
    emitEvent(ctx, 'payment_intent.canceled', canceled)
  }
  const expired: Stripe.Checkout.Session = { ...session, status: 'expired', url: null }
  ctx.core.store.update('checkout.session', expired)
  emitEvent(ctx, 'checkout.session.expired', expired)
  return expired
}

/** Expires every open session whose expires_at has passed (on its customer's test clock, if any). */
export function expireDueSessions(ctx: Ctx): void {
  for (const session of ctx.core.store.list('checkout.session', { field: 'status', value: 'open' })) {
    if (session.expires_at <= sessionNow(ctx, session)) expireSession(ctx, session)
  }
}

export function expireDueSessionsSweep(core: SandboxCore): void {
  expireDueSessions(automaticCtx(core))
}
