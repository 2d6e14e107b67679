import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({}, { enabled: false }))
})
afterAll(() => sandbox.close())

describe('a catalog kept by lookup key', () => {
  it('takes a product id of the caller choosing, once', async () => {
    const product = await stripe.products.create({ id: 'course_BOOK-101', name: 'Bookkeeping' })
    expect(product.id).toBe('course_BOOK-101')
    const again = await stripeError(() => stripe.products.create({ id: 'course_BOOK-101', name: 'Bookkeeping' }))
    expect(again).toMatchObject({ type: 'StripeInvalidRequestError', code: 'resource_already_exists', param: 'id' })
    expect((await stripeError(() => stripe.products.create({ id: 'bad id!', name: 'x' }))).param).toBe('id')
  })

  it('keeps a lookup key on one price: refused when taken, moved by transfer_lookup_key, found by lookup_keys[]', async () => {
    const product = await stripe.products.create({ name: 'Excel' })
    const first = await stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 3900, lookup_key: 'course_XLS' })
    const taken = await stripeError(() => stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 4200, lookup_key: 'course_XLS' }))
    expect(taken).toMatchObject({ type: 'StripeInvalidRequestError', param: 'lookup_key' })
    expect(taken.message).toContain(first.id)
    const second = await stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 4200, lookup_key: 'course_XLS', transfer_lookup_key: true })
    expect((await stripe.prices.retrieve(first.id)).lookup_key).toBeNull()
    const found = await stripe.prices.list({ lookup_keys: ['course_XLS', 'nothing'] })
    expect(found.data.map((price) => price.id)).toEqual([second.id])
    expect((await stripe.prices.list({ lookup_keys: ['nothing'] })).data).toEqual([])
  })
})
