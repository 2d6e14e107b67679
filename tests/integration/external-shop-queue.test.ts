// In shop mode an outside payment is queued for the shop's claim instead of placed at once (the claim itself runs
// against PostgreSQL in tests/shop/external-claim.test.ts); alone, a till places it at once as before.
import { describe, expect, it } from 'vitest'
import { placeOrQueue } from '../../src/main/core/external/shop-queue'
import type { ExternalFacts } from '../../src/main/core/external/apply-external'
import { tempStore } from '../helpers/temp-store'

const facts: ExternalFacts = {
  objectId: 'cs_test_outside_1',
  source: 'checkout_session',
  email: 'someone@example.com',
  customer: null,
  paymentIntent: 'pi_test_outside_1',
  amount: 2500,
  currency: 'GBP',
  items: [],
  created: 1_900_000_000,
}

describe('an outside payment in shop mode', () => {
  it('is queued once however many of its events arrive, and not placed here', () => {
    const { db, clock } = tempStore()
    db.prepare('UPDATE shop_sync_state SET seeded_at = 1 WHERE singleton = 1').run()
    const ctx = { db, now: clock.now, actor: 'stripe', queue: () => {}, installationId: 'till-a-0000000000000000' }
    expect(placeOrQueue(ctx, facts)).toEqual({ outcome: 'applied', orderId: null })
    expect(placeOrQueue(ctx, facts)).toEqual({ outcome: 'applied', orderId: null })
    expect(db.prepare('SELECT stripe_object_id, stripe_payment_intent_id, amount, claim FROM external_claim').all()).toEqual([
      { stripe_object_id: 'cs_test_outside_1', stripe_payment_intent_id: 'pi_test_outside_1', amount: 2500, claim: null },
    ])
    expect(db.prepare('SELECT count(*) FROM external_payment').pluck().get()).toBe(0)
  })

  it('alone (shop mode off), it is placed at once: here, to the inbox', () => {
    const { db, clock } = tempStore()
    const ctx = { db, now: clock.now, actor: 'stripe', queue: () => {}, installationId: 'till-a-0000000000000000' }
    expect(placeOrQueue(ctx, facts).outcome).toBe('review')
    expect(db.prepare('SELECT count(*) FROM external_claim').pluck().get()).toBe(0)
    expect(db.prepare('SELECT status FROM external_payment').pluck().all()).toEqual(['unmatched'])
  })
})
