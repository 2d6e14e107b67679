import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent, emitUpdated } from '../events/emit'
import { invalidRequest, parameterMissing } from '../http/errors'
import type { FormObject } from '../http/form'
import { ok, pathParam, type ApiRequest, type ApiRoute, type Reply } from '../http/handler'
import {
  assertKnownParams,
  childName,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringArray,
  readMetadata,
  requiredString,
} from '../http/params'
import { readCurrency } from '../payments/amounts'
import { wireDecimal } from '../store/decimal'
import { newId } from '../store/ids'
import { listReply, mustGet, retrieveAs } from './lookup'
import { createProduct } from './products'

const INTERVALS = ['day', 'week', 'month', 'year'] as const

export interface PriceFields {
  currency: string
  unitAmount: number
  product: string
  recurring: { interval: Stripe.Price.Recurring.Interval; intervalCount: number } | null
  nickname?: string | null
  lookupKey?: string | null
  metadata?: Record<string, string>
}

export function createPrice(ctx: Ctx, fields: PriceFields): Stripe.Price {
  const price: Stripe.Price = {
    id: newId('price'),
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: ctx.core.now(),
    currency: fields.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: fields.lookupKey ?? null,
    metadata: fields.metadata ?? {},
    nickname: fields.nickname ?? null,
    product: fields.product,
    recurring: fields.recurring
      ? {
          interval: fields.recurring.interval,
          interval_count: fields.recurring.intervalCount,
          meter: null,
          trial_period_days: null,
          usage_type: 'licensed',
        }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: fields.recurring ? 'recurring' : 'one_time',
    unit_amount: fields.unitAmount,
    unit_amount_decimal: wireDecimal(fields.unitAmount),
  }
  ctx.core.store.insert('price', price)
  emitEvent(ctx, 'price.created', price)
  return price
}

function readRecurring(params: FormObject, prefix: string): PriceFields['recurring'] {
  const recurring = optionalObject(params, 'recurring')
  if (!recurring) return null
  const name = childName(prefix, 'recurring')
  assertKnownParams(recurring, ['interval', 'interval_count'], name)
  const interval = optionalEnum(recurring, 'interval', INTERVALS)
  if (!interval) throw parameterMissing(childName(name, 'interval'))
  const intervalCount = optionalInteger(recurring, 'interval_count', 1) ?? 1
  const maxCount = { day: 1095, week: 156, month: 36, year: 3 }[interval]
  if (intervalCount > maxCount) {
    throw invalidRequest(`Invalid recurring[interval_count]: at most ${maxCount} for ${interval}.`, {
      param: childName(name, 'interval_count'),
    })
  }
  return { interval, intervalCount }
}

/**
 * Reads `unit_amount`, `currency`, `recurring` from a price or a `price_data` hash; `product` there is an
 * id, or `product_data[name]` makes a new product (as checkout `price_data` and price create allow).
 */
export function readPriceFields(ctx: Ctx, params: FormObject, prefix: string): PriceFields {
  const currency = readCurrency(params, 'currency')
  if (!currency) throw parameterMissing(childName(prefix, 'currency'))
  const unitAmount = optionalInteger(params, 'unit_amount', 0)
  if (unitAmount === undefined || unitAmount === null) throw parameterMissing(childName(prefix, 'unit_amount'))
  const productId = optionalString(params, 'product')
  const productData = optionalObject(params, 'product_data')
  let product: string
  if (productId) {
    product = mustGet(ctx, 'product', productId, childName(prefix, 'product')).id
  } else if (productData) {
    const dataName = childName(prefix, 'product_data')
    assertKnownParams(productData, ['name', 'description', 'metadata'], dataName)
    product = createProduct(ctx, {
      name: requiredString(productData, 'name', dataName),
      description: optionalString(productData, 'description') ?? null,
      metadata: readMetadata(productData),
    }).id
  } else {
    throw parameterMissing(childName(prefix, 'product'))
  }
  return { currency, unitAmount, product, recurring: readRecurring(params, prefix) }
}

function create(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, [
    'currency',
    'unit_amount',
    'product',
    'product_data',
    'recurring',
    'nickname',
    'lookup_key',
    'transfer_lookup_key',
    'metadata',
    'active',
  ])
  const fields = readPriceFields(request, params, '')
  const lookupKey = optionalString(params, 'lookup_key', 200) ?? null
  claimLookupKey(request, lookupKey, optionalBoolean(params, 'transfer_lookup_key') ?? false)
  return ok(
    createPrice(request, {
      ...fields,
      nickname: optionalString(params, 'nickname') ?? null,
      lookupKey,
      metadata: readMetadata(params),
    }),
  )
}

/**
 * A lookup key names one price in the account. Taken by another price, Stripe refuses it unless
 * `transfer_lookup_key` moves it over (the other price keeps its id and loses the key).
 */
function claimLookupKey(ctx: Ctx, lookupKey: string | null | undefined, transfer: boolean, self?: string): void {
  if (!lookupKey) return
  const holder = ctx.core.store.list('price').find((price) => price.lookup_key === lookupKey && price.id !== self)
  if (!holder) return
  if (!transfer) {
    throw invalidRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, { param: 'lookup_key' })
  }
  const moved: Stripe.Price = { ...holder, lookup_key: null }
  ctx.core.store.update('price', moved)
  emitUpdated(ctx, 'price.updated', holder, moved)
}

function update(request: ApiRequest): Reply {
  const { params } = request
  assertKnownParams(params, ['active', 'metadata', 'nickname', 'lookup_key', 'transfer_lookup_key'])
  const before = mustGet(request, 'price', pathParam(request))
  const nickname = optionalString(params, 'nickname')
  const lookupKey = optionalString(params, 'lookup_key')
  claimLookupKey(request, lookupKey, optionalBoolean(params, 'transfer_lookup_key') ?? false, before.id)
  const after: Stripe.Price = {
    ...before,
    active: optionalBoolean(params, 'active') ?? before.active,
    metadata: readMetadata(params, before.metadata),
    nickname: nickname === undefined ? before.nickname : nickname,
    lookup_key: lookupKey === undefined ? before.lookup_key : lookupKey,
  }
  request.core.store.update('price', after)
  emitUpdated(request, 'price.updated', before, after)
  return ok(after)
}

function list(request: ApiRequest): Reply {
  assertKnownParams(request.params, [
    'active',
    'product',
    'type',
    'currency',
    'lookup_keys',
    'created',
    'limit',
    'starting_after',
    'ending_before',
  ])
  const active = optionalBoolean(request.params, 'active')
  const lookupKeys = optionalStringArray(request.params, 'lookup_keys')
  const product = optionalString(request.params, 'product')
  const type = optionalEnum(request.params, 'type', ['one_time', 'recurring'] as const)
  const currency = optionalString(request.params, 'currency')
  const prices = request.core.store
    .list('price')
    .filter(
      (p) =>
        (active === undefined || p.active === active) &&
        (!product || p.product === product) &&
        (!type || p.type === type) &&
        (!currency || p.currency === currency) &&
        (!lookupKeys || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key))),
    )
  return listReply(request, '/v1/prices', prices, 'price')
}

export const priceRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/prices', handler: create },
  { method: 'GET', path: '/v1/prices', handler: list },
  { method: 'GET', path: '/v1/prices/:id', handler: retrieveAs('price') },
  { method: 'POST', path: '/v1/prices/:id', handler: update },
]
