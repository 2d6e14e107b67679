// Reading what a checkout session is made of: `line_items[n][price|price_data|quantity]` and `expires_at`.

import type Stripe from 'stripe'
import { buildLineItem } from '../checkout/session-shape'
import { invalidRequest, parameterMissing } from '../http/errors'
import type { FormObject } from '../http/form'
import type { ApiRequest } from '../http/handler'
import { assertKnownParams, optionalArray, optionalInteger, optionalObject, optionalString } from '../http/params'
import { assertChargeableAmount } from '../payments/amounts'
import { mustGet } from './lookup'
import { createPrice, readPriceFields } from './prices'

const MIN_LIFETIME = 30 * 60
const MAX_LIFETIME = 24 * 60 * 60

function productName(request: ApiRequest, price: Stripe.Price): string {
  const id = typeof price.product === 'string' ? price.product : price.product.id
  return request.core.store.get('product', id)?.name ?? id
}

function readLineItem(request: ApiRequest, item: FormObject, index: number): Stripe.LineItem {
  const prefix = `line_items[${index}]`
  assertKnownParams(item, ['price', 'price_data', 'quantity'], prefix)
  const quantity = optionalInteger(item, 'quantity', 1)
  if (quantity === undefined || quantity === null) throw parameterMissing(`${prefix}[quantity]`)
  const priceId = optionalString(item, 'price')
  const priceData = optionalObject(item, 'price_data')
  let price: Stripe.Price
  if (priceId) {
    price = mustGet(request, 'price', priceId, `${prefix}[price]`)
  } else if (priceData) {
    assertKnownParams(priceData, ['currency', 'unit_amount', 'product', 'product_data'], `${prefix}[price_data]`)
    // Inline prices exist only for this session: Stripe creates them inactive.
    price = { ...createPrice(request, readPriceFields(request, priceData, `${prefix}[price_data]`)), active: false }
    request.core.store.update('price', price)
  } else {
    throw parameterMissing(`${prefix}[price]`)
  }
  if (price.type === 'recurring') {
    throw invalidRequest(
      'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      { param: `${prefix}[price]` },
    )
  }
  return buildLineItem(price, quantity, productName(request, price))
}

export function readExpiry(request: ApiRequest, now: number): number {
  const expiresAt = optionalInteger(request.params, 'expires_at')
  if (expiresAt === undefined || expiresAt === null) return now + MAX_LIFETIME
  if (expiresAt < now + MIN_LIFETIME) {
    throw invalidRequest('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', {
      param: 'expires_at',
    })
  }
  if (expiresAt > now + MAX_LIFETIME) {
    throw invalidRequest('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', {
      param: 'expires_at',
    })
  }
  return expiresAt
}

/** All line items, in one currency, adding up to a chargeable amount. */
export function readLineItems(request: ApiRequest): { lineItems: Stripe.LineItem[]; currency: string } {
  const entries = optionalArray(request.params, 'line_items') ?? []
  if (entries.length === 0) throw parameterMissing('line_items')
  const lineItems = entries.map((entry, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw invalidRequest('Invalid hash', { param: `line_items[${index}]` })
    }
    return readLineItem(request, entry, index)
  })
  const currency = lineItems[0]?.currency ?? 'usd'
  if (lineItems.some((item) => item.currency !== currency)) {
    throw invalidRequest('All line items must use the same currency.', { param: 'line_items' })
  }
  const total = lineItems.reduce((sum, item) => sum + item.amount_total, 0)
  assertChargeableAmount(total, currency, 'line_items')
  return { lineItems, currency }
}
