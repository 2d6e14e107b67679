// Routes the browser reaches with a publishable key plus the intent's client secret (what our Stripe.js
// stand-in calls), which also work with a secret key: retrieve, confirm, and the sandbox-only
// `sandbox_authenticate` that plays the issuer's 3-D Secure challenge.

import type Stripe from 'stripe'
import { ApiError, invalidRequest, parameterMissing, unexpectedState } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { assertKnownParams, optionalBoolean, optionalEnum, optionalObject, optionalString } from '../http/params'
import { assertConfirmable, completeAuthentication, confirmWithPaymentMethod, rejectCardDetails } from '../payments/confirm'
import { mustGet } from './lookup'
import { createFromParams } from '../payments/payment-method-params'
import { resolvePaymentMethod } from '../payments/payment-methods'

const SECRET_KEY_CONFIRM_PARAMS = [
  'payment_method',
  'payment_method_data',
  'return_url',
  'client_secret',
  'off_session',
  'setup_future_usage',
  'use_stripe_sdk',
  'receipt_email',
]
const PUBLISHABLE_KEY_CONFIRM_PARAMS = ['client_secret', 'payment_method', 'payment_method_data', 'return_url', 'use_stripe_sdk']

/** With a publishable key the client secret is the credential: it must be present and match. */
export function assertClientSecret(request: ApiRequest, pi: Stripe.PaymentIntent): void {
  const given = optionalString(request.params, 'client_secret')
  if (request.keyKind === 'secret' && given === undefined) return
  if (!given) throw parameterMissing('client_secret')
  if (given !== pi.client_secret) {
    throw invalidRequest(
      'The client_secret provided does not match any associated PaymentIntent on this account. Ensure the publishable key used belongs to the same account that created the PaymentIntent.',
      { param: 'client_secret', code: 'payment_intent_invalid_parameter' },
    )
  }
}

/**
 * Confirms with the method named in the request (`payment_method` id or `pm_card_*` token, or raw
 * `payment_method_data`), falling back to the one already on the intent.
 */
export function confirmIntent(request: ApiRequest, pi: Stripe.PaymentIntent): Reply {
  assertConfirmable(pi)
  const { params } = request
  const returnUrl = optionalString(params, 'return_url') ?? undefined
  assertReturnUrlIfRedirectsAllowed(pi, returnUrl)
  const pmId = optionalString(params, 'payment_method')
  const pmData = optionalObject(params, 'payment_method_data')
  if (pmId && pmData) {
    throw invalidRequest('You may only specify one of these parameters: payment_method, payment_method_data.', {
      param: 'payment_method_data',
    })
  }
  let pm: Stripe.PaymentMethod | undefined
  try {
    if (pmData) pm = createFromParams(request, pmData, 'payment_method_data')
    else if (pmId) pm = resolvePaymentMethod(request, pmId, 'payment_method')
  } catch (error) {
    // Refused card details still count as a failed attempt on the intent (402 with the intent attached).
    if (error instanceof ApiError && error.status === 402) return rejectCardDetails(request, pi, error.body)
    throw error
  }
  if (!pm && pi.payment_method) {
    pm = mustGet(request, 'payment_method', typeof pi.payment_method === 'string' ? pi.payment_method : pi.payment_method.id)
  }
  if (!pm) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
    )
  }
  if (pm.customer && pi.customer && pm.customer !== pi.customer) {
    throw invalidRequest('The provided PaymentMethod belongs to a different Customer than the PaymentIntent.', {
      param: 'payment_method',
      code: 'payment_intent_invalid_parameter',
    })
  }
  return confirmWithPaymentMethod(request, pi, pm, {
    ...(returnUrl ? { returnUrl } : {}),
    useStripeSdk: optionalBoolean(params, 'use_stripe_sdk') ?? false,
  })
}

/**
 * Automatic payment methods allow redirect-based ones unless `allow_redirects` is `never`, and Stripe then
 * refuses a confirmation that gives it nowhere to send the customer back to.
 */
function assertReturnUrlIfRedirectsAllowed(pi: Stripe.PaymentIntent, returnUrl: string | undefined): void {
  const automatic = pi.automatic_payment_methods
  if (!automatic?.enabled || automatic.allow_redirects === 'never' || returnUrl) return
  throw invalidRequest(
    "This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
    { param: 'return_url' },
  )
}

function retrieve(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['client_secret'])
  const pi = mustGet(request, 'payment_intent', pathParam(request))
  assertClientSecret(request, pi)
  return ok(pi)
}

function confirm(request: ApiRequest): Reply {
  assertKnownParams(request.params, request.keyKind === 'secret' ? SECRET_KEY_CONFIRM_PARAMS : PUBLISHABLE_KEY_CONFIRM_PARAMS)
  const pi = mustGet(request, 'payment_intent', pathParam(request))
  assertClientSecret(request, pi)
  return confirmIntent(request, pi)
}

function authenticate(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['client_secret', 'outcome'])
  const pi = mustGet(request, 'payment_intent', pathParam(request))
  assertClientSecret(request, pi)
  const outcome = optionalEnum(request.params, 'outcome', ['complete', 'fail'] as const)
  if (!outcome) throw parameterMissing('outcome')
  return completeAuthentication(request, pi, outcome)
}

export const confirmRoutes: ApiRoute[] = [
  { method: 'GET', path: '/v1/payment_intents/:id', handler: retrieve, publishable: true },
  { method: 'POST', path: '/v1/payment_intents/:id/confirm', handler: confirm, publishable: true },
  { method: 'POST', path: '/v1/payment_intents/:id/sandbox_authenticate', handler: authenticate, publishable: true },
]
