import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { parameterInvalid, resourceMissing } from '../http/errors'
import type { ApiRequest, Reply } from '../http/handler'
import { ok, pathParam } from '../http/handler'
import { listBody, readPageRequest } from '../http/paging'
import { assertKnownParams, inRange, readRangeFilter } from '../http/params'
import type { ObjectType, SandboxObjects } from '../store/object-types'

// How Stripe names each kind of object in "No such …" messages.
const KIND_NAMES: Record<ObjectType, string> = {
  customer: 'customer',
  payment_intent: 'payment_intent',
  payment_method: 'PaymentMethod',
  charge: 'charge',
  refund: 'refund',
  balance_transaction: 'balance transaction',
  event: 'event',
  webhook_endpoint: 'webhook endpoint',
  product: 'product',
  price: 'price',
  subscription: 'subscription',
  invoice: 'invoice',
  invoiceitem: 'invoiceitem',
  'checkout.session': 'checkout.session',
  'test_helpers.test_clock': 'test clock',
}

/** GET /v1/<objects>/:id for objects retrieved as stored: no parameters, the object or resource_missing. */
export function retrieveAs(type: ObjectType): (request: ApiRequest) => Reply {
  return (request) => {
    assertKnownParams(request.params, [])
    return ok(mustGet(request, type, pathParam(request)))
  }
}

/** GET /v1/<objects> with no filters of its own: every stored object of the type, newest first, paged. */
export function listAllAs(type: ObjectType, path: string): (request: ApiRequest) => Reply {
  return (request) => {
    assertKnownParams(request.params, ['limit', 'starting_after', 'ending_before'])
    return listReply(request, path, request.core.store.list(type) as Array<{ id: string; created: number }>, KIND_NAMES[type])
  }
}

export function mustGet<K extends ObjectType>(ctx: Ctx, type: K, id: string, param = 'id'): SandboxObjects[K] {
  const found = ctx.core.store.get(type, id)
  if (!found) throw resourceMissing(KIND_NAMES[type], id, param)
  return found
}

export function isLiveCustomer(customer: Stripe.Customer | Stripe.DeletedCustomer): customer is Stripe.Customer {
  return !('deleted' in customer && customer.deleted)
}

/** A customer that exists and was not deleted (Stripe answers "No such customer" for deleted ones). */
export function liveCustomer(ctx: Ctx, id: string, param = 'customer'): Stripe.Customer {
  const customer = mustGet(ctx, 'customer', id, param)
  if (!isLiveCustomer(customer)) throw resourceMissing('customer', id, param)
  return customer
}

export function liveCustomers(ctx: Ctx): Stripe.Customer[] {
  return ctx.core.store.list('customer').filter(isLiveCustomer)
}

/** Unix time for objects that belong to `customerId`: its test clock's frozen time, else the clock. */
export function timeFor(ctx: Ctx, customerId: string | null | undefined): number {
  if (!customerId) return ctx.core.now()
  const customer = ctx.core.store.get('customer', customerId)
  const clockId = customer && isLiveCustomer(customer) ? customer.test_clock : null
  if (typeof clockId !== 'string') return ctx.core.now()
  return ctx.core.store.get('test_helpers.test_clock', clockId)?.frozen_time ?? ctx.core.now()
}

/** A list answer with the usual `limit`/`starting_after`/`ending_before` and an optional `created` filter. */
export function listReply<T extends { id: string; created: number }>(
  request: ApiRequest,
  url: string,
  items: readonly T[],
  kind?: string,
): Reply {
  const created = readRangeFilter(request.params, 'created')
  const page = readPageRequest(request.params)
  return ok(
    listBody(
      url,
      items.filter((item) => inRange(item.created, created)),
      page,
      kind,
    ),
  )
}

export function assertIdPrefix(id: string, prefix: string, param: string): void {
  if (!id.startsWith(`${prefix}_`)) {
    throw parameterInvalid(param, `Invalid ${param}: '${id}' is not a valid id (expected a ${prefix}_ id).`)
  }
}
