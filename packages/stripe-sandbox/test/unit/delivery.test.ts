import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { retryDelay, shuffled } from '../../src/delivery/schedule'
import { signatureHeader } from '../../src/delivery/signature'
import { changedAttributes } from '../../src/events/emit'
import { endpointWants, isValidEventType, typeMatches } from '../../src/events/type-filter'

const stripe = new Stripe('sk_test_unit')

describe('signatureHeader', () => {
  it('produces what stripe.webhooks.constructEvent accepts', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created' })
    const secret = 'whsec_unit'
    const now = Math.floor(Date.now() / 1000)
    const header = signatureHeader(payload, secret, now)
    expect(header).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: now }))
    expect(stripe.webhooks.constructEvent(payload, header, secret).id).toBe('evt_1')
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow()
  })
})

describe('retry schedule', () => {
  it('gives one delay per retry, then stops', () => {
    const schedule = [50, 100, 200]
    expect([1, 2, 3, 4].map((attempts) => retryDelay(schedule, attempts))).toEqual([50, 100, 200, undefined])
  })

  it('shuffles into a permutation', () => {
    const items = [1, 2, 3, 4, 5]
    let seed = 1
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const result = shuffled(items, random)
    expect([...result].sort()).toEqual(items)
    expect(result).not.toEqual(items)
    expect(items).toEqual([1, 2, 3, 4, 5])
  })
})

describe('event types', () => {
  it('matches endpoint subscriptions and list filters', () => {
    expect(endpointWants(['*'], 'charge.succeeded')).toBe(true)
    expect(endpointWants(['charge.failed'], 'charge.succeeded')).toBe(false)
    expect(typeMatches('payment_intent.*', 'payment_intent.succeeded')).toBe(true)
    expect(typeMatches('payment_intent.*', 'charge.succeeded')).toBe(false)
    expect(typeMatches('charge.succeeded', 'charge.succeeded')).toBe(true)
    expect(isValidEventType('checkout.session.completed')).toBe(true)
    expect(isValidEventType('nonsense')).toBe(false)
  })

  it('computes previous_attributes from two versions', () => {
    expect(changedAttributes({ a: 1, b: { c: 1 }, d: 'x' }, { a: 1, b: { c: 2 }, e: 'new' })).toEqual({
      b: { c: 1 },
      d: 'x',
      e: null,
    })
  })
})
