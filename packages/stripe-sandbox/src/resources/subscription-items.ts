// Reading `items[n][…]` for subscription create and update: recurring, active prices that bill together.

import type Stripe from 'stripe'
import { buildItem } from '../billing/subscription-shape'
import { invalidRequest, parameterMissing } from '../http/errors'
import type { FormObject } from '../http/form'
import type { ApiRequest } from '../http/handler'
import { assertKnownParams, childName, optionalArray, optionalBoolean, optionalInteger, optionalString } from '../http/params'
import { mustGet } from './lookup'

export function recurringPrice(request: ApiRequest, id: string, param: string): Stripe.Price {
  const price = mustGet(request, 'price', id, param)
  if (!price.recurring) {
    throw invalidRequest(
      'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
      { param },
    )
  }
  if (!price.active) throw invalidRequest(`The price specified is inactive. This field only accepts active prices.`, { param })
  return price
}

export function itemEntries(request: ApiRequest): Array<{ index: number; item: FormObject }> {
  const items = optionalArray(request.params, 'items') ?? []
  return items.map((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw invalidRequest('Invalid hash', { param: `items[${index}]` })
    }
    assertKnownParams(item, ['id', 'price', 'quantity', 'deleted', 'metadata'], `items[${index}]`)
    return { index, item }
  })
}

/** All items of a subscription bill together, so they must share currency and interval. */
export function assertCompatible(prices: Stripe.Price[]): void {
  const [first, ...rest] = prices
  for (const price of rest) {
    if (price.currency !== first?.currency) {
      throw invalidRequest('All prices on a subscription must have the same currency.', { param: 'items' })
    }
    if (
      price.recurring?.interval !== first.recurring?.interval ||
      price.recurring?.interval_count !== first.recurring?.interval_count
    ) {
      throw invalidRequest('All prices on a subscription must have the same recurring interval.', { param: 'items' })
    }
  }
}

/** Applies `items[n][id|price|quantity|deleted]`: change or delete existing items, add new ones. */
export function updateItems(request: ApiRequest, subscription: Stripe.Subscription): Stripe.SubscriptionItem[] {
  let items = [...subscription.items.data]
  const period = { start: items[0]?.current_period_start ?? 0, end: items[0]?.current_period_end ?? 0 }
  for (const { index, item } of itemEntries(request)) {
    const id = optionalString(item, 'id')
    const priceId = optionalString(item, 'price')
    const quantity = optionalInteger(item, 'quantity', 1)
    const price = priceId ? recurringPrice(request, priceId, `items[${index}][price]`) : undefined
    if (!id) {
      if (!price) throw parameterMissing(childName(`items[${index}]`, 'price'))
      items.push(buildItem(subscription.id, price, quantity ?? 1, period, request.core.now()))
      continue
    }
    const existing = items.find((candidate) => candidate.id === id)
    if (!existing) {
      throw invalidRequest(`No such subscription item: '${id}'`, { param: `items[${index}][id]`, code: 'resource_missing' })
    }
    if (optionalBoolean(item, 'deleted')) {
      items = items.filter((candidate) => candidate.id !== id)
      continue
    }
    const replaced = price
      ? buildItem(subscription.id, price, quantity ?? existing.quantity ?? 1, period, existing.created)
      : { ...existing, quantity: quantity ?? existing.quantity }
    items = items.map((candidate) => (candidate.id === id ? { ...replaced, id } : candidate))
  }
  if (items.length === 0) throw invalidRequest('A subscription must keep at least one item.', { param: 'items' })
  assertCompatible(items.map((item) => item.price))
  return items
}
