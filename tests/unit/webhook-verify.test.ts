import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { SIGNATURE_TOLERANCE_SECONDS, verifyStripeDelivery } from '../../src/main/webhooks/verify'

const signer = new Stripe('sk_test_signer').webhooks
const OLD = 'whsec_old_secret'
const NEW = 'whsec_new_secret'
const NOW = 1_800_000_000
const body = JSON.stringify({ id: 'evt_123', object: 'event', type: 'payment_intent.succeeded', created: NOW, data: { object: { id: 'pi_1' } } })
const header = (secret: string, timestamp = NOW) => signer.generateTestHeaderString({ payload: body, secret, timestamp })

describe('verifyStripeDelivery', () => {
  it('accepts a delivery signed with any configured secret (rotation)', () => {
    expect(verifyStripeDelivery(Buffer.from(body), header(OLD), [OLD, NEW], NOW * 1000)).toMatchObject({ ok: true, event: { id: 'evt_123' } })
    expect(verifyStripeDelivery(Buffer.from(body), header(NEW), [OLD, NEW], NOW * 1000)).toMatchObject({ ok: true })
  })
  it('holds Stripe’s five-minute tolerance to the second', () => {
    const edge = NOW - SIGNATURE_TOLERANCE_SECONDS
    expect(verifyStripeDelivery(Buffer.from(body), header(OLD, edge), [OLD], NOW * 1000).ok).toBe(true)
    expect(verifyStripeDelivery(Buffer.from(body), header(OLD, edge - 1), [OLD], NOW * 1000)).toEqual({
      ok: false,
      status: 400,
      reason: 'Signature timestamp is too old (replayed or delayed)',
    })
  })
  it('refuses without secrets, without a header, and with the wrong secret', () => {
    expect(verifyStripeDelivery(Buffer.from(body), header(OLD), [], NOW * 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/No webhook signing secret/) })
    expect(verifyStripeDelivery(Buffer.from(body), undefined, [OLD], NOW * 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/Missing/) })
    expect(verifyStripeDelivery(Buffer.from(body), header('whsec_other'), [OLD, NEW], NOW * 1000)).toMatchObject({ ok: false, reason: 'Signature does not match' })
  })
  it('checks the signature over the exact bytes: re-serialised JSON fails', () => {
    const reformatted = JSON.stringify(JSON.parse(body), null, 2)
    expect(verifyStripeDelivery(Buffer.from(reformatted), header(OLD), [OLD], NOW * 1000)).toMatchObject({ ok: false, reason: 'Signature does not match' })
  })
})
