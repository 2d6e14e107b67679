import type Stripe from 'stripe'
import { cancelSubscription, startSubscription } from '../billing/subscriptions'
import { emitUpdated } from '../events/emit'
import { invalidRequest, parameterMissing } from '../http/errors'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import {
  assertKnownParams,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  readMetadata,
} from '../http/params'
import { listReply, liveCustomer, mustGet, timeFor, retrieveAs } from './lookup'
import { assertCompatible, itemEntries, recurringPrice, updateItems } from './subscription-items'

const BEHAVIORS = ['default_incomplete', 'allow_incomplete', 'error_if_incomplete', 'pending_if_incomplete'] as const
const LIST_STATUSES = [
  'active',
  'all',
  'canceled',
  'ended',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
] as const

function readDefaultPaymentMethod(request: ApiRequest, customerId: string): string | null | undefined {
  const id = optionalString(request.params, 'default_payment_method')
  if (id && mustGet(request, 'payment_method', id, 'default_payment_method').customer !== customerId) {
    throw invalidRequest(
      'The customer does not have a payment method with the ID ' + id + '. The payment method must be attached to the customer.',
      { param: 'default_payment_method' },
    )
  }
  return id
}

function create(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, [
    'customer',
    'items',
    'payment_behavior',
    'default_payment_method',
    'metadata',
    'description',
    'cancel_at_period_end',
    'payment_settings',
    'collection_method',
    'proration_behavior',
    'off_session',
  ])
  const customerId = optionalString(params, 'customer')
  if (!customerId) throw parameterMissing('customer')
  const customer = liveCustomer(request, customerId)
  const entries = itemEntries(request)
  if (entries.length === 0) throw parameterMissing('items')
  const prices = entries.map(({ index, item }) => {
    const priceId = optionalString(item, 'price')
    if (!priceId) throw parameterMissing(`items[${index}][price]`)
    return {
      price: recurringPrice(request, priceId, `items[${index}][price]`),
      quantity: optionalInteger(item, 'quantity', 1) ?? 1,
    }
  })
  assertCompatible(prices.map((p) => p.price))
  if ((optionalString(params, 'collection_method') ?? 'charge_automatically') !== 'charge_automatically') {
    throw invalidRequest('The Stripe sandbox only supports collection_method=charge_automatically.', {
      param: 'collection_method',
    })
  }
  const settings = optionalObject(params, 'payment_settings')
  if (settings) assertKnownParams(settings, ['save_default_payment_method'], 'payment_settings')
  const subscription = startSubscription(
    request,
    {
      customer,
      prices,
      created: timeFor(request, customer.id),
      metadata: readMetadata(params),
      description: optionalString(params, 'description') ?? null,
      defaultPaymentMethod: readDefaultPaymentMethod(request, customer.id) ?? null,
      cancelAtPeriodEnd: optionalBoolean(params, 'cancel_at_period_end') ?? false,
      saveDefaultPaymentMethod:
        (settings && optionalEnum(settings, 'save_default_payment_method', ['on_subscription', 'off'] as const)) || 'off',
    },
    optionalEnum(params, 'payment_behavior', BEHAVIORS) ?? 'allow_incomplete',
  )
  return ok(subscription)
}

function update(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, [
    'cancel_at_period_end',
    'items',
    'metadata',
    'default_payment_method',
    'description',
    'proration_behavior',
    'payment_behavior',
  ])
  const before = mustGet(request, 'subscription', pathParam(request))
  if (before.status === 'canceled' || before.status === 'incomplete_expired') {
    throw invalidRequest(`A canceled subscription can only update its cancellation_details and metadata.`, {
      code: 'invalid_canceled_subscription_fields',
    })
  }
  const customerId = typeof before.customer === 'string' ? before.customer : before.customer.id
  const items = updateItems(request, before)
  const cancelAtPeriodEnd = optionalBoolean(params, 'cancel_at_period_end') ?? before.cancel_at_period_end
  const description = optionalString(params, 'description')
  const after: Stripe.Subscription = {
    ...before,
    items: { ...before.items, data: items },
    cancel_at_period_end: cancelAtPeriodEnd,
    cancel_at: cancelAtPeriodEnd ? (items[0]?.current_period_end ?? null) : null,
    canceled_at: cancelAtPeriodEnd ? (before.canceled_at ?? request.core.now()) : null,
    metadata: readMetadata(params, before.metadata),
    default_payment_method: readDefaultPaymentMethod(request, customerId) ?? before.default_payment_method,
    description: description === undefined ? before.description : description,
  }
  request.core.store.update('subscription', after)
  emitUpdated(request, 'customer.subscription.updated', before, after)
  return ok(after)
}

function cancel(request: ApiRequest): Reply {
  assertKnownParams(request.params, ['invoice_now', 'prorate', 'cancellation_details'])
  const subscription = mustGet(request, 'subscription', pathParam(request))
  if (subscription.status === 'canceled') {
    throw invalidRequest(`No such subscription: '${subscription.id}'`, { code: 'resource_missing' })
  }
  const customerId = typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id
  return ok(cancelSubscription(request, subscription, timeFor(request, customerId)))
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, [
    'customer',
    'price',
    'status',
    'test_clock',
    'created',
    'limit',
    'starting_after',
    'ending_before',
  ])
  const customer = optionalString(request.params, 'customer')
  const price = optionalString(request.params, 'price')
  const status = optionalEnum(request.params, 'status', LIST_STATUSES)
  const matchesStatus = (s: string) =>
    status === 'all'
      ? true
      : status === 'ended'
        ? s === 'canceled' || s === 'incomplete_expired'
        : status
          ? s === status
          : s !== 'canceled'
  const subscriptions = request.core.store
    .list('subscription')
    .filter(
      (sub) =>
        (!customer || sub.customer === customer) &&
        (!price || sub.items.data.some((item) => item.price.id === price)) &&
        matchesStatus(sub.status),
    )
  return listReply(request, '/v1/subscriptions', subscriptions, 'subscription')
}

export const subscriptionRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/subscriptions', handler: create },
  { method: 'GET', path: '/v1/subscriptions', handler: list },
  { method: 'GET', path: '/v1/subscriptions/:id', handler: retrieveAs('subscription') },
  { method: 'POST', path: '/v1/subscriptions/:id', handler: update },
  { method: 'DELETE', path: '/v1/subscriptions/:id', handler: cancel },
]
