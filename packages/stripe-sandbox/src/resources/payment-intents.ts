import type Stripe from 'stripe'
import { emitEvent } from '../events/emit'
import { invalidRequest, unexpectedState } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import {
  assertKnownParams,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringArray,
  readMetadata,
} from '../http/params'
import { assertChargeableAmount, readChargeAmount, readCurrency } from '../payments/amounts'
import { buildPaymentIntent, intentOwner, OPEN_STATUSES } from '../payments/intent'
import { confirmIntent, confirmRoutes } from './payment-intent-confirm'
import { listReply, liveCustomer, mustGet } from './lookup'
import { resolvePaymentMethod } from '../payments/payment-methods'
import { readEmail } from './customers'
import { createFromParams } from '../payments/payment-method-params'

const CREATE_PARAMS = [
  'amount',
  'currency',
  'customer',
  'description',
  'metadata',
  'receipt_email',
  'automatic_payment_methods',
  'payment_method',
  'payment_method_data',
  'payment_method_types',
  'allowed_payment_method_types',
  'confirm',
  'return_url',
  'capture_method',
  'setup_future_usage',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'off_session',
  'use_stripe_sdk',
]
const UPDATE_PARAMS = [
  'amount',
  'currency',
  'customer',
  'description',
  'metadata',
  'receipt_email',
  'payment_method',
  'setup_future_usage',
  'statement_descriptor',
  'statement_descriptor_suffix',
]
const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const
const SETUP_FUTURE_USAGE = ['off_session', 'on_session'] as const

function readAutomaticPaymentMethods(request: ApiRequest): Stripe.PaymentIntent.AutomaticPaymentMethods | null {
  const apm = optionalObject(request.params, 'automatic_payment_methods')
  if (!apm) return null
  assertKnownParams(apm, ['enabled', 'allow_redirects'], 'automatic_payment_methods')
  const enabled = optionalBoolean(apm, 'enabled')
  if (enabled === undefined) {
    throw invalidRequest('Missing required param: automatic_payment_methods[enabled].', {
      param: 'automatic_payment_methods[enabled]',
      code: 'parameter_missing',
    })
  }
  const allowRedirects = optionalEnum(apm, 'allow_redirects', ['always', 'never'] as const)
  return { enabled, ...(allowRedirects ? { allow_redirects: allowRedirects } : {}) }
}

/** `allowed_payment_method_types` (current API versions) or `payment_method_types` (older ones), not both. */
function readPaymentMethodTypes(params: ApiRequest['params']): { param: string; types: string[] | undefined } {
  const allowed = optionalStringArray(params, 'allowed_payment_method_types')
  const legacy = optionalStringArray(params, 'payment_method_types')
  if (allowed && legacy) {
    throw invalidRequest('You may only specify one of these parameters: allowed_payment_method_types, payment_method_types.', {
      param: 'payment_method_types',
    })
  }
  return allowed ? { param: 'allowed_payment_method_types', types: allowed } : { param: 'payment_method_types', types: legacy }
}

function create(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, CREATE_PARAMS)
  const currency = readCurrency(params)
  if (!currency) throw invalidRequest('Missing required param: currency.', { param: 'currency', code: 'parameter_missing' })
  const amount = readChargeAmount(params, currency)
  const customerId = optionalString(params, 'customer')
  const customer = customerId ? liveCustomer(request, customerId).id : null
  const captureMethod = optionalString(params, 'capture_method')
  if (captureMethod === 'manual') {
    throw invalidRequest('The Stripe sandbox only supports automatic capture.', { param: 'capture_method' })
  }
  const automatic = readAutomaticPaymentMethods(request)
  const { param: typesParam, types } = readPaymentMethodTypes(params)
  if (automatic && types) {
    throw invalidRequest(`You may only specify one of these parameters: automatic_payment_methods, ${typesParam}.`, {
      param: typesParam,
    })
  }
  if (types && types.some((type) => type !== 'card')) {
    throw invalidRequest('The Stripe sandbox only supports the card payment method type.', { param: typesParam })
  }
  let pi = buildPaymentIntent({
    amount,
    currency,
    customer,
    description: optionalString(params, 'description') ?? null,
    metadata: readMetadata(params),
    receiptEmail: readEmail(params, 'receipt_email') ?? null,
    automaticPaymentMethods: automatic ?? (types ? null : { enabled: true }),
    paymentMethodTypes: ['card'],
    allowedPaymentMethodTypes: typesParam === 'allowed_payment_method_types' && types ? types : null,
    setupFutureUsage: optionalEnum(params, 'setup_future_usage', SETUP_FUTURE_USAGE) ?? null,
    statementDescriptor: optionalString(params, 'statement_descriptor', 22) ?? null,
    statementDescriptorSuffix: optionalString(params, 'statement_descriptor_suffix', 22) ?? null,
    created: request.core.now(),
  })
  if (optionalBoolean(params, 'confirm')) {
    // confirmIntent reads payment_method / payment_method_data itself, so tokens are minted once.
    request.core.store.insert('payment_intent', pi)
    emitEvent(request, 'payment_intent.created', pi)
    return confirmIntent(request, pi)
  }
  const pmId = optionalString(params, 'payment_method')
  const pmData = optionalObject(params, 'payment_method_data')
  if (pmId && pmData) {
    throw invalidRequest('You may only specify one of these parameters: payment_method, payment_method_data.', { param: 'payment_method_data' })
  }
  // As Stripe: payment_method_data without confirm makes the method and attaches it, ready to confirm.
  const pm = pmData ? createFromParams(request, pmData, 'payment_method_data') : pmId ? resolvePaymentMethod(request, pmId, 'payment_method') : undefined
  if (pm) pi = { ...pi, payment_method: pm.id, status: 'requires_confirmation' }
  request.core.store.insert('payment_intent', pi)
  emitEvent(request, 'payment_intent.created', pi)
  return ok(pi)
}

function update(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, UPDATE_PARAMS)
  const before = mustGet(request, 'payment_intent', pathParam(request))
  if (!OPEN_STATUSES.includes(before.status)) {
    throw unexpectedState(
      `You cannot update this PaymentIntent because it has a status of ${before.status}. Updates are only allowed when the PaymentIntent has a status of ${OPEN_STATUSES.join(', ')}.`,
    )
  }
  const currency = readCurrency(params) ?? before.currency
  const amount = optionalInteger(params, 'amount', 1) ?? before.amount
  assertChargeableAmount(amount, currency)
  const customerId = optionalString(params, 'customer')
  const pmId = optionalString(params, 'payment_method')
  const payment_method = pmId ? resolvePaymentMethod(request, pmId, 'payment_method').id : before.payment_method
  const needsConfirmation = amount !== before.amount || currency !== before.currency || payment_method !== before.payment_method
  const after: Stripe.PaymentIntent = {
    ...before,
    amount,
    currency,
    customer: customerId ? liveCustomer(request, customerId).id : before.customer,
    description: optionalString(params, 'description') ?? (params.description === null ? null : before.description),
    metadata: readMetadata(params, before.metadata),
    receipt_email: readEmail(params, 'receipt_email') ?? (params.receipt_email === null ? null : before.receipt_email),
    payment_method,
    setup_future_usage: optionalEnum(params, 'setup_future_usage', SETUP_FUTURE_USAGE) ?? before.setup_future_usage,
    statement_descriptor: optionalString(params, 'statement_descriptor', 22) ?? before.statement_descriptor,
    statement_descriptor_suffix: optionalString(params, 'statement_descriptor_suffix', 22) ?? before.statement_descriptor_suffix,
    // A changed amount or method invalidates a pending 3-D Secure challenge: confirm again.
    ...(needsConfirmation && payment_method ? { status: 'requires_confirmation', next_action: null } : {}),
  }
  request.core.store.update('payment_intent', after)
  return ok(after)
}

function cancel(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['cancellation_reason'])
  const pi = mustGet(request, 'payment_intent', pathParam(request))
  if (!OPEN_STATUSES.includes(pi.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
    )
  }
  if (intentOwner(request, pi.id)?.type === 'invoice') {
    throw unexpectedState('You cannot cancel this PaymentIntent because it was created by an invoice.')
  }
  const canceled: Stripe.PaymentIntent = {
    ...pi,
    status: 'canceled',
    canceled_at: request.core.now(),
    cancellation_reason: optionalEnum(request.params, 'cancellation_reason', CANCELLATION_REASONS) ?? null,
    next_action: null,
  }
  request.core.store.update('payment_intent', canceled)
  emitEvent(request, 'payment_intent.canceled', canceled)
  return ok(canceled)
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['customer', 'created', 'limit', 'starting_after', 'ending_before'])
  const customer = optionalString(request.params, 'customer')
  const intents = customer
    ? request.core.store.list('payment_intent', { field: 'customer', value: customer })
    : request.core.store.list('payment_intent')
  return listReply(request, '/v1/payment_intents', intents, 'payment_intent')
}

export const paymentIntentRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/payment_intents', handler: create },
  { method: 'GET', path: '/v1/payment_intents', handler: list },
  ...confirmRoutes,
  { method: 'POST', path: '/v1/payment_intents/:id', handler: update },
  { method: 'POST', path: '/v1/payment_intents/:id/cancel', handler: cancel },
]
