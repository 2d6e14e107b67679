import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe
let clock = 1_900_000_000

beforeAll(async () => {
  // Declines by card number: this account has raw card data enabled, as Stripe allows on request.
  ;({ sandbox, stripe } = await startWithSdk({ now: () => clock, account: { rawCardData: true } }, { enabled: false }))
})
afterAll(() => sandbox.close())

async function eventTypesFor(id: string): Promise<string[]> {
  const events = await stripe.events.list({ limit: 100 })
  return events.data
    .filter(
      (event) =>
        (event.data.object as { id?: string; payment_intent?: string }).id === id ||
        (event.data.object as { payment_intent?: string }).payment_intent === id,
    )
    .map((event) => event.type)
    .reverse()
}

const card = (number: string) => ({
  type: 'card',
  card: { number, exp_month: '12', exp_year: '2040', cvc: number.startsWith('3') ? '1234' : '123' },
})

describe('payment intents', () => {
  it('creates in requires_payment_method with a client secret', async () => {
    const customer = await stripe.customers.create({ email: 'buyer@example.com' })
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'EUR',
      customer: customer.id,
      metadata: { order_id: '7' },
      receipt_email: 'buyer@example.com',
      description: 'Course: TypeScript',
      automatic_payment_methods: { enabled: true },
    })
    expect(pi).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      amount: 2500,
      currency: 'eur',
      customer: customer.id,
      amount_received: 0,
      latest_charge: null,
    })
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_\\w+$`))
    expect(pi.created).toBe(clock)
    expect(await eventTypesFor(pi.id)).toEqual(['payment_intent.created'])
  })

  it('validates amount, currency and customer', async () => {
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 0, currency: 'usd', allowed_payment_method_types: ['card'] }))).toMatchObject({
      param: 'amount',
    })
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 30, currency: 'usd', allowed_payment_method_types: ['card'] }))).toMatchObject({
      code: 'amount_too_small',
    })
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 1000, currency: 'dollars' }))).toMatchObject({
      param: 'currency',
    })
    expect(
      await stripeError(() => stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'], customer: 'cus_nope' })),
    ).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' })
  })

  it('succeeds with pm_card_visa: charge, latest_charge, amount_received, events in order', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 4200,
      currency: 'usd', allowed_payment_method_types: ['card'],
      payment_method: 'pm_card_visa',
      confirm: true,
      expand: ['latest_charge'],
    })
    expect(pi.status).toBe('succeeded')
    expect(pi.amount_received).toBe(4200)
    expect(pi.payment_method).toMatch(/^pm_/)
    const charge = pi.latest_charge as Stripe.Charge
    expect(charge).toMatchObject({
      object: 'charge',
      payment_intent: pi.id,
      amount: 4200,
      amount_captured: 4200,
      amount_refunded: 0,
      refunded: false,
      paid: true,
      status: 'succeeded',
      failure_code: null,
    })
    expect(charge.payment_method_details?.card).toMatchObject({ brand: 'visa', last4: '4242' })
    expect(charge.outcome).toMatchObject({ type: 'authorized', network_status: 'approved_by_network' })
    // charge.updated: the charge's balance transaction, booked just after (as on Stripe).
    expect(await eventTypesFor(pi.id)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded', 'charge.updated'])
  })

  it('confirms in a second step and refuses confirming twice', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] })
    const withMethod = await stripe.paymentIntents.update(pi.id, { payment_method: 'pm_card_mastercard' })
    expect(withMethod.status).toBe('requires_confirmation')
    const confirmed = await stripe.paymentIntents.confirm(pi.id, { return_url: 'https://example.com/done' })
    expect(confirmed.status).toBe('succeeded')
    const again = await stripeError(() => stripe.paymentIntents.confirm(pi.id))
    expect(again).toMatchObject({ code: 'payment_intent_unexpected_state' })
    const late = await stripeError(() => stripe.paymentIntents.update(pi.id, { amount: 5000 }))
    expect(late).toMatchObject({ code: 'payment_intent_unexpected_state' })
  })

  it('refuses to confirm without a payment method', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] })
    expect(await stripeError(() => stripe.paymentIntents.confirm(pi.id))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    })
  })

  const declines: Array<[string, string, string | undefined, string]> = [
    ['4000000000000002', 'card_declined', 'generic_decline', 'Your card was declined.'],
    ['4000000000009995', 'card_declined', 'insufficient_funds', 'Your card has insufficient funds.'],
    ['4000000000009987', 'card_declined', 'lost_card', 'Your card was declined.'],
    ['4000000000009979', 'card_declined', 'stolen_card', 'Your card was declined.'],
    ['4000000000000069', 'expired_card', 'expired_card', 'Your card has expired.'],
    ['4000000000000127', 'incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."],
    [
      '4000000000000119',
      'processing_error',
      'processing_error',
      'An error occurred while processing your card. Try again in a little bit.',
    ],
  ]
  for (const [number, code, declineCode, message] of declines) {
    it(`declines ${number} with ${declineCode}`, async () => {
      const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] })
      const error = await stripeError(() =>
        stripe.paymentIntents.confirm(pi.id, { payment_method_data: card(number) } as Stripe.PaymentIntentConfirmParams),
      )
      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError)
      expect(error).toMatchObject({ statusCode: 402, code, decline_code: declineCode, message })
      expect(error.charge).toMatch(/^ch_/)
      expect(error.payment_intent).toMatchObject({
        id: pi.id,
        status: 'requires_payment_method',
        last_payment_error: { code, decline_code: declineCode, message },
      })
      const charge = await stripe.charges.retrieve(error.charge ?? '')
      expect(charge).toMatchObject({
        status: 'failed',
        paid: false,
        failure_code: code,
        failure_message: message,
        amount_captured: 0,
      })
      expect(await eventTypesFor(pi.id)).toEqual(['payment_intent.created', 'charge.failed', 'payment_intent.payment_failed'])
    })
  }

  it('refuses a number failing Luhn before any charge', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] })
    const error = await stripeError(() =>
      stripe.paymentIntents.confirm(pi.id, {
        payment_method_data: card('4242424242424241'),
      } as Stripe.PaymentIntentConfirmParams),
    )
    expect(error).toMatchObject({ statusCode: 402, code: 'incorrect_number', message: 'Your card number is incorrect.' })
    expect(error.charge).toBeUndefined()
    expect(error.payment_intent?.last_payment_error?.code).toBe('incorrect_number')
    expect((await stripe.charges.list({ payment_intent: pi.id })).data).toHaveLength(0)
  })

  it('refuses an expired expiry date', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] })
    const data = { type: 'card', card: { number: '4242424242424242', exp_month: '1', exp_year: '2020', cvc: '123' } }
    const error = await stripeError(() =>
      stripe.paymentIntents.confirm(pi.id, { payment_method_data: data } as Stripe.PaymentIntentConfirmParams),
    )
    expect(error).toMatchObject({ statusCode: 402, code: 'invalid_expiry_year', param: 'exp_year' })
  })

  it('can pay again after a decline', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] })
    await stripeError(() => stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa_chargeDeclined' }))
    const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' })
    expect(paid).toMatchObject({ status: 'succeeded', last_payment_error: null })
    expect((await stripe.charges.list({ payment_intent: pi.id })).data.map((c) => c.status)).toEqual(['succeeded', 'failed'])
  })

  it('pm_card_chargeCustomerFail declines at charge time', async () => {
    const error = await stripeError(() =>
      stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd', allowed_payment_method_types: ['card'],
        payment_method: 'pm_card_chargeCustomerFail',
        confirm: true,
      }),
    )
    expect(error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline' })
  })

  for (const token of ['pm_card_authenticationRequired', 'pm_card_threeDSecure2Required']) {
    it(`${token} requires 3-D Secure, then completes through sandbox_authenticate`, async () => {
      const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'], payment_method: token, confirm: true })
      expect(pi.status).toBe('requires_action')
      expect(pi.next_action).toEqual({
        type: 'use_stripe_sdk',
        use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: `${sandbox.url}/v1/sandbox/3ds/${pi.id}` },
      })
      const done = await stripe.rawRequest('POST', `/v1/payment_intents/${pi.id}/sandbox_authenticate`, { outcome: 'complete' })
      expect(done).toMatchObject({ status: 'succeeded', next_action: null, amount_received: 1000 })
      expect(await eventTypesFor(pi.id)).toEqual([
        'payment_intent.created',
        'payment_intent.requires_action',
        'charge.succeeded',
        'payment_intent.succeeded',
        'charge.updated',
      ])
    })
  }

  it('fails 3-D Secure with payment_intent_authentication_failure', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd', allowed_payment_method_types: ['card'],
      payment_method_data: card('4000002500003155'),
      confirm: true,
    } as Stripe.PaymentIntentCreateParams)
    expect(pi.status).toBe('requires_action')
    const failed = (await stripe.rawRequest('POST', `/v1/payment_intents/${pi.id}/sandbox_authenticate`, {
      outcome: 'fail',
    })) as unknown as Stripe.PaymentIntent
    expect(failed.status).toBe('requires_payment_method')
    expect(failed.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'payment_intent_authentication_failure',
      message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    })
    expect(await eventTypesFor(pi.id)).toEqual([
      'payment_intent.created',
      'payment_intent.requires_action',
      'payment_intent.payment_failed',
    ])
    const again = await stripeError(() =>
      stripe.rawRequest('POST', `/v1/payment_intents/${pi.id}/sandbox_authenticate`, { outcome: 'complete' }),
    )
    expect(again.statusCode).toBe(400)
  })

  it('serves the 3-D Secure page and completes from it', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd', allowed_payment_method_types: ['card'],
      payment_method: 'pm_card_threeDSecure2Required',
      confirm: true,
    })
    const pageUrl = (pi.next_action?.use_stripe_sdk as { stripe_js: string }).stripe_js
    expect(await (await fetch(pageUrl)).text()).toContain('Complete authentication')
    const answer = await fetch(pageUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'outcome=complete',
    })
    expect(answer.status).toBe(200)
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded')
  })

  it('updates open intents and cancels them', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'], metadata: { a: '1' } })
    const updated = await stripe.paymentIntents.update(pi.id, { amount: 1500, metadata: { b: '2' }, description: 'changed' })
    expect(updated).toMatchObject({ amount: 1500, metadata: { a: '1', b: '2' }, description: 'changed' })
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'requested_by_customer' })
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'requested_by_customer', canceled_at: clock })
    expect(await stripeError(() => stripe.paymentIntents.cancel(pi.id))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    })
    expect(await stripeError(() => stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' }))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    })
    expect(await eventTypesFor(pi.id)).toEqual(['payment_intent.created', 'payment_intent.canceled'])
  })

  it('lists by customer and created, and expands customer', async () => {
    const customer = await stripe.customers.create({ email: 'lists@example.com' })
    clock += 100
    const early = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'], customer: customer.id })
    clock += 100
    const late = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', allowed_payment_method_types: ['card'], customer: customer.id })
    const mine = await stripe.paymentIntents.list({ customer: customer.id, expand: ['data.customer'] })
    expect(mine.data.map((pi) => pi.id)).toEqual([late.id, early.id])
    expect((mine.data[0]?.customer as Stripe.Customer).email).toBe('lists@example.com')
    const recent = await stripe.paymentIntents.list({ customer: customer.id, created: { gt: early.created } })
    expect(recent.data.map((pi) => pi.id)).toEqual([late.id])
    const expanded = await stripe.paymentIntents.retrieve(late.id, { expand: ['customer'] })
    expect((expanded.customer as Stripe.Customer).id).toBe(customer.id)
  })
})
