// The PaymentIntent state machine on confirmation:
// requires_payment_method|requires_confirmation → succeeded | requires_action (3-D Secure) |
// requires_payment_method with last_payment_error (decline; answered with 402 like Stripe).

import type Stripe from 'stripe'
import { cardBehaviour, type Decline } from '../cards/test-cards'
import type { Ctx } from '../context'
import { emitEvent } from '../events/emit'
import { unexpectedState, type StripeErrorBody } from '../http/errors'
import { ok, type Reply } from '../http/handler'
import { timeFor } from '../resources/lookup'
import { cardNumberOf } from './payment-methods'
import { afterIntentFailed, afterIntentSucceeded } from './after-payment'
import { bookCharge, createCharge } from './charge'
import { startProcessing } from './processing'

const AUTHENTICATION_FAILURE_MESSAGE =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.'

function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`
}

/** Charges on a test-clock customer happen at the clock's time. */
function chargeTime(ctx: Ctx, pi: Stripe.PaymentIntent): number {
  return timeFor(ctx, typeof pi.customer === 'string' ? pi.customer : (pi.customer?.id ?? null))
}

function save(ctx: Ctx, pi: Stripe.PaymentIntent): Stripe.PaymentIntent {
  return ctx.core.store.update('payment_intent', pi)
}

export function succeed(ctx: Ctx, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod): Reply {
  const charge = createCharge(ctx, pi, pm, undefined, chargeTime(ctx, pi))
  const paid = save(ctx, {
    ...pi,
    status: 'succeeded',
    amount_received: pi.amount,
    latest_charge: charge.id,
    payment_method: pm.id,
    last_payment_error: null,
    next_action: null,
  })
  emitEvent(ctx, 'charge.succeeded', charge)
  emitEvent(ctx, 'payment_intent.succeeded', paid)
  bookCharge(ctx, charge)
  afterIntentSucceeded(ctx, paid)
  return ok(paid)
}

function decline(ctx: Ctx, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, reason: Decline): Reply {
  const charge = createCharge(ctx, pi, pm, reason, chargeTime(ctx, pi))
  const lastError: Stripe.PaymentIntent.LastPaymentError = {
    type: 'card_error',
    code: reason.code,
    decline_code: reason.declineCode,
    message: reason.message,
    charge: charge.id,
    doc_url: docUrl(reason.code),
    payment_method: pm,
  }
  // As on Stripe, the declined method is detached from the intent; last_payment_error keeps a copy.
  const failed = save(ctx, {
    ...pi,
    status: 'requires_payment_method',
    latest_charge: charge.id,
    payment_method: null,
    last_payment_error: lastError,
    next_action: null,
  })
  emitEvent(ctx, 'charge.failed', charge)
  emitEvent(ctx, 'payment_intent.payment_failed', failed)
  afterIntentFailed(ctx, failed)
  // Stripe's 402 body is the intent's last_payment_error plus the intent itself.
  const error: StripeErrorBody = { ...lastError, type: 'card_error', message: reason.message, payment_intent: failed }
  return { status: 402, body: { error } }
}

/** How the confirmation asked to handle a next action: Stripe.js (`use_stripe_sdk`) or a redirect back to `return_url`. */
export interface ConfirmHandling {
  returnUrl?: string
  useStripeSdk?: boolean
}

function requireAction(ctx: Ctx, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, handling: ConfirmHandling): Reply {
  const challengeUrl = `${ctx.core.baseUrl()}/v1/sandbox/3ds/${pi.id}`
  // As Stripe: a confirmation with a return_url and without Stripe.js gets a page to send the customer to.
  const nextAction = (
    handling.returnUrl && !handling.useStripeSdk
      ? { type: 'redirect_to_url', redirect_to_url: { url: challengeUrl, return_url: handling.returnUrl } }
      : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: challengeUrl } }
  ) as Stripe.PaymentIntent.NextAction
  if (handling.returnUrl) ctx.core.store.setPrivate(pi.id, 'return_url', handling.returnUrl)
  const pending = save(ctx, {
    ...pi,
    status: 'requires_action',
    payment_method: pm.id,
    last_payment_error: null,
    next_action: nextAction,
  })
  emitEvent(ctx, 'payment_intent.requires_action', pending)
  return ok(pending)
}

/** Runs the card through the "bank". `pm` is the method to use; the caller resolved tokens and data. */
export function confirmWithPaymentMethod(
  ctx: Ctx,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod,
  handling: ConfirmHandling = {},
): Reply {
  const behaviour = cardBehaviour(cardNumberOf(ctx, pm.id))
  if (behaviour.kind === 'authenticate') return requireAction(ctx, pi, pm, handling)
  if (behaviour.kind === 'processing') return startProcessing(ctx, pi, pm)
  if (behaviour.kind === 'decline') return decline(ctx, pi, pm, behaviour.decline)
  return succeed(ctx, pi, pm)
}

/** Card details refused before any charge (bad number, expiry, CVC): 402 and the intent keeps waiting. */
export function rejectCardDetails(ctx: Ctx, pi: Stripe.PaymentIntent, error: StripeErrorBody): Reply {
  const lastError: Stripe.PaymentIntent.LastPaymentError = {
    type: 'card_error',
    ...(error.code ? { code: error.code, doc_url: docUrl(error.code) } : {}),
    ...(error.param ? { param: error.param } : {}),
    message: error.message,
  }
  const failed = save(ctx, {
    ...pi,
    status: 'requires_payment_method',
    payment_method: null,
    last_payment_error: lastError,
    next_action: null,
  })
  emitEvent(ctx, 'payment_intent.payment_failed', failed)
  afterIntentFailed(ctx, failed)
  return { status: 402, body: { error: { ...error, payment_intent: failed } } }
}

/** The sandbox's stand-in for the issuer's 3-D Secure challenge. */
export function completeAuthentication(ctx: Ctx, pi: Stripe.PaymentIntent, outcome: 'complete' | 'fail'): Reply {
  if (pi.status !== 'requires_action' || typeof pi.payment_method !== 'string') {
    throw unexpectedState(
      `This PaymentIntent has a status of ${pi.status}; only a PaymentIntent that requires_action can be authenticated.`,
    )
  }
  const pm = ctx.core.store.get('payment_method', pi.payment_method)
  if (!pm) throw new Error(`payment method ${pi.payment_method} vanished`)
  if (outcome === 'complete') return succeed(ctx, pi, pm)
  const failed = save(ctx, {
    ...pi,
    status: 'requires_payment_method',
    payment_method: null,
    next_action: null,
    last_payment_error: {
      type: 'card_error',
      code: 'payment_intent_authentication_failure',
      message: AUTHENTICATION_FAILURE_MESSAGE,
      doc_url: docUrl('payment_intent_authentication_failure'),
      payment_method: pm,
    },
  })
  emitEvent(ctx, 'payment_intent.payment_failed', failed)
  afterIntentFailed(ctx, failed)
  return ok(failed)
}

export function assertConfirmable(pi: Stripe.PaymentIntent): void {
  if (pi.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    )
  }
  if (pi.status === 'canceled' || pi.status === 'processing') {
    throw unexpectedState(`You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`)
  }
}
