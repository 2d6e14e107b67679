import type Stripe from 'stripe'
import { buildSession, newSessionId } from '../checkout/session-shape'
import { expireDueSessions, expireSession, lineItemsOf } from '../checkout/sessions'
import { invalidRequest, parameterMissing } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import { paginate, readPageRequest } from '../http/paging'
import { assertKnownParams, optionalEnum, optionalObject, optionalString, readExpand, readMetadata } from '../http/params'
import { readEmail } from './customers'
import { listReply, liveCustomer, mustGet, timeFor } from './lookup'
import { readExpiry, readLineItems } from './checkout-session-params'

const CREATE_PARAMS = [
  'mode',
  'line_items',
  'customer',
  'customer_email',
  'customer_creation',
  'metadata',
  'success_url',
  'cancel_url',
  'expires_at',
  'client_reference_id',
  'payment_intent_data',
  'payment_method_types',
  'ui_mode',
]

function create(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, CREATE_PARAMS)
  const mode = optionalString(params, 'mode')
  if (!mode) throw parameterMissing('mode')
  if (mode !== 'payment') throw invalidRequest('The Stripe sandbox supports Checkout in payment mode only.', { param: 'mode' })
  const successUrl = optionalString(params, 'success_url')
  if (!successUrl) throw parameterMissing('success_url')
  const customerId = optionalString(params, 'customer')
  const customerEmail = readEmail(params, 'customer_email')
  if (customerId && customerEmail) {
    throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', { param: 'customer_email' })
  }
  const customer = customerId ? liveCustomer(request, customerId) : undefined
  const { lineItems, currency } = readLineItems(request)
  const intentData = optionalObject(params, 'payment_intent_data')
  if (intentData) assertKnownParams(intentData, ['metadata', 'description'], 'payment_intent_data')
  const now = timeFor(request, customer?.id)
  const id = newSessionId()
  const session = buildSession({
    id,
    lineItems,
    currency,
    customer: customer?.id ?? null,
    customerEmail: customerEmail ?? customer?.email ?? null,
    customerCreation: optionalEnum(params, 'customer_creation', ['always', 'if_required'] as const) ?? 'if_required',
    clientReferenceId: optionalString(params, 'client_reference_id', 200) ?? null,
    metadata: readMetadata(params),
    successUrl,
    cancelUrl: optionalString(params, 'cancel_url') ?? null,
    created: now,
    expiresAt: readExpiry(request, now),
    url: `${request.core.baseUrl()}/checkout/${id}`,
  })
  request.core.store.insert('checkout.session', session)
  request.core.store.setPrivate(id, 'line_items', lineItems)
  request.core.store.setPrivate(id, 'payment_intent_data', {
    metadata: intentData ? readMetadata(intentData) : {},
    description: intentData ? (optionalString(intentData, 'description') ?? null) : null,
  })
  return ok(withLineItems(request, session))
}

/** `expand[]=line_items` is answered here: line items are not stored on the session object itself. */
function withLineItems(request: ApiRequest, session: Stripe.Checkout.Session): Stripe.Checkout.Session {
  if (!readExpand(request.params).includes('line_items')) return session
  const data = lineItemsOf(request, session.id)
  return {
    ...session,
    line_items: { object: 'list', data, has_more: false, url: `/v1/checkout/sessions/${session.id}/line_items` },
  }
}

function retrieve(request: ApiRequest): Reply {
  assertKnownParams(request.params, [])
  expireDueSessions(request)
  return ok(withLineItems(request, mustGet(request, 'checkout.session', pathParam(request))))
}

function expire(request: ApiRequest): Reply {
  assertKnownParams(request.params, [])
  expireDueSessions(request)
  const session = mustGet(request, 'checkout.session', pathParam(request))
  if (session.status !== 'open') {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    )
  }
  return ok(expireSession(request, session))
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, [
    'payment_intent',
    'customer',
    'status',
    'created',
    'limit',
    'starting_after',
    'ending_before',
  ])
  expireDueSessions(request)
  const paymentIntent = optionalString(request.params, 'payment_intent')
  const customer = optionalString(request.params, 'customer')
  const status = optionalEnum(request.params, 'status', ['open', 'complete', 'expired'] as const)
  const sessions = request.core.store
    .list('checkout.session')
    .filter(
      (s) =>
        (!paymentIntent || s.payment_intent === paymentIntent) &&
        (!customer || s.customer === customer) &&
        (!status || s.status === status),
    )
  return listReply(request, '/v1/checkout/sessions', sessions, 'checkout.session')
}

function lineItems(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['limit', 'starting_after', 'ending_before'])
  const session = mustGet(request, 'checkout.session', pathParam(request))
  return ok({
    object: 'list',
    url: `/v1/checkout/sessions/${session.id}/line_items`,
    ...paginate(lineItemsOf(request, session.id), readPageRequest(request.params), 'line_item'),
  })
}

export const checkoutSessionRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/checkout/sessions', handler: create },
  { method: 'GET', path: '/v1/checkout/sessions', handler: list },
  { method: 'GET', path: '/v1/checkout/sessions/:id', handler: retrieve },
  { method: 'POST', path: '/v1/checkout/sessions/:id/expire', handler: expire },
  { method: 'GET', path: '/v1/checkout/sessions/:id/line_items', handler: lineItems },
]
