import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { objectId, startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({}, { enabled: false }))
})
afterAll(() => sandbox.close())

async function paidIntent(amount = 5000): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({ amount, currency: 'usd', allowed_payment_method_types: ['card'], payment_method: 'pm_card_visa', confirm: true })
}

describe('refunds', () => {
  it('refunds partially, then the rest by default, updating the charge', async () => {
    const pi = await paidIntent()
    const partial = await stripe.refunds.create({
      payment_intent: pi.id,
      amount: 1500,
      reason: 'requested_by_customer',
      metadata: { ticket: '9' },
    })
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 1500,
      status: 'succeeded',
      payment_intent: pi.id,
      charge: pi.latest_charge,
      reason: 'requested_by_customer',
      metadata: { ticket: '9' },
      currency: 'usd',
    })
    expect(await stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({ amount_refunded: 1500, refunded: false })
    const rest = await stripe.refunds.create({ charge: pi.latest_charge as string })
    expect(rest.amount).toBe(3500)
    expect(await stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({ amount_refunded: 5000, refunded: true })
    const events = await stripe.events.list({ type: 'charge.refunded', limit: 100 })
    const mine = events.data.filter((event) => (event.data.object as Stripe.Charge).payment_intent === pi.id)
    expect(mine.map((event) => (event.data.object as Stripe.Charge).amount_refunded)).toEqual([5000, 1500])
    expect(mine[1]?.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false })
    const created = await stripe.events.list({ type: 'refund.created', limit: 100 })
    expect(created.data.map((event) => objectId(event))).toEqual(expect.arrayContaining([partial.id, rest.id]))
  })

  it('refuses over-refunds', async () => {
    const pi = await paidIntent(2000)
    const tooMuch = await stripeError(() => stripe.refunds.create({ payment_intent: pi.id, amount: 2001 }))
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' })
    await stripe.refunds.create({ payment_intent: pi.id })
    const again = await stripeError(() => stripe.refunds.create({ payment_intent: pi.id, amount: 1 }))
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' })
  })

  it('refuses intents without a successful charge and requests without a target', async () => {
    const open = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] })
    expect(await stripeError(() => stripe.refunds.create({ payment_intent: open.id }))).toMatchObject({
      statusCode: 400,
      param: 'payment_intent',
    })
    expect(await stripeError(() => stripe.refunds.create({}))).toMatchObject({ statusCode: 400, code: 'parameter_missing' })
    expect(await stripeError(() => stripe.refunds.create({ payment_intent: 'pi_missing' }))).toMatchObject({
      code: 'resource_missing',
    })
    const pi = await paidIntent()
    expect(
      await stripeError(() => stripe.refunds.create({ payment_intent: pi.id, reason: 'bored' as 'duplicate' })),
    ).toMatchObject({ param: 'reason' })
  })

  it('retrieves, updates metadata with refund.updated, and lists by intent or charge', async () => {
    const first = await paidIntent()
    const second = await paidIntent()
    const refund = await stripe.refunds.create({ payment_intent: first.id, amount: 100 })
    await stripe.refunds.create({ payment_intent: second.id, amount: 200 })
    expect((await stripe.refunds.retrieve(refund.id)).amount).toBe(100)
    const updated = await stripe.refunds.update(refund.id, { metadata: { note: 'ok' } })
    expect(updated.metadata).toEqual({ note: 'ok' })
    const updates = await stripe.events.list({ type: 'refund.updated' })
    expect(updates.data[0]?.data).toMatchObject({ object: { id: refund.id }, previous_attributes: { metadata: {} } })
    expect((await stripe.refunds.list({ payment_intent: first.id })).data.map((r) => r.id)).toEqual([refund.id])
    expect((await stripe.refunds.list({ charge: first.latest_charge as string })).data.map((r) => r.id)).toEqual([refund.id])
  })
})

describe('charges', () => {
  it('retrieves and lists by payment intent', async () => {
    const pi = await paidIntent()
    const listed = await stripe.charges.list({ payment_intent: pi.id })
    expect(listed.data.map((charge) => charge.id)).toEqual([pi.latest_charge])
    expect(await stripeError(() => stripe.charges.retrieve('ch_missing'))).toMatchObject({ statusCode: 404 })
  })
})
