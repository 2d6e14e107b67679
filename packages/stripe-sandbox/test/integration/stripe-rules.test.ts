// Where the sandbox used to be kinder than Stripe (issue 11), each checked through the official SDK.

import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { rawRequest, startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe
let clock = 1_800_000_000

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({ now: () => clock }, { enabled: false }))
})
afterAll(() => sandbox.close())

const cardOnly: { allowed_payment_method_types: Stripe.PaymentIntentCreateParams.AllowedPaymentMethodType[] } = { allowed_payment_method_types: ['card'] }

describe('three-decimal currencies and minimums', () => {
  it('refuses a KWD amount not ending in 0, and one under the minimum', async () => {
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 15005, currency: 'kwd', ...cardOnly }))).toMatchObject({
      code: 'invalid_charge_amount',
      param: 'amount',
    })
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 10, currency: 'kwd', ...cardOnly }))).toMatchObject({
      code: 'amount_too_small',
    })
    expect(await stripeError(() => stripe.paymentIntents.create({ amount: 150, currency: 'bhd', ...cardOnly }))).toMatchObject({
      code: 'amount_too_small',
    })
    expect((await stripe.paymentIntents.create({ amount: 15000, currency: 'kwd', ...cardOnly })).amount).toBe(15000)
  })

  it('refuses a KWD refund not ending in 0 and refunds one that does', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 15000, currency: 'kwd', payment_method: 'pm_card_visa', confirm: true, ...cardOnly })
    expect(await stripeError(() => stripe.refunds.create({ payment_intent: pi.id, amount: 1005 }))).toMatchObject({
      code: 'invalid_charge_amount',
    })
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data).toHaveLength(0)
    expect((await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 })).amount).toBe(1000)
  })

  it('refuses made-up currencies', async () => {
    for (const currency of ['xyz', 'abc']) {
      expect(await stripeError(() => stripe.paymentIntents.create({ amount: 1000, currency, ...cardOnly }))).toMatchObject({
        param: 'currency',
      })
    }
  })
})

describe('payment methods', () => {
  it('holds automatic payment methods to Stripe: a server-side confirm needs a return_url unless redirects are off', async () => {
    const automatic = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur' })
    expect(automatic.automatic_payment_methods).toEqual({ enabled: true })
    const refused = await stripeError(() => stripe.paymentIntents.confirm(automatic.id, { payment_method: 'pm_card_visa' }))
    expect(refused).toMatchObject({ type: 'StripeInvalidRequestError', param: 'return_url' })
    expect((await stripe.paymentIntents.retrieve(automatic.id)).status).toBe('requires_payment_method')
    const withReturn = await stripe.paymentIntents.confirm(automatic.id, { payment_method: 'pm_card_visa', return_url: 'https://shop.example/back' })
    expect(withReturn.status).toBe('succeeded')
    const noRedirects = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    })
    expect((await stripe.paymentIntents.confirm(noRedirects.id, { payment_method: 'pm_card_visa' })).status).toBe('succeeded')
  })

  it('takes cards only with allowed_payment_method_types: [card], confirmable server-side', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', ...cardOnly })
    expect(pi).toMatchObject({ automatic_payment_methods: null, allowed_payment_method_types: ['card'], payment_method_types: ['card'] })
    expect((await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' })).status).toBe('succeeded')
    const both = await stripeError(() =>
      stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', ...cardOnly, automatic_payment_methods: { enabled: true } }),
    )
    expect(both.param).toBe('allowed_payment_method_types')
  })

  it('models a delayed payment: processing first, then succeeded once the time has come', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'gbp',
      payment_method: 'pm_card_sandbox_delayedSuccess',
      confirm: true,
      ...cardOnly,
    })
    expect(pi.status).toBe('processing')
    expect(pi.latest_charge).toBeNull()
    const types = async () => (await stripe.events.list({ limit: 10 })).data.filter((e) => (e.data.object as { id?: string }).id === pi.id || (e.data.object as { payment_intent?: string }).payment_intent === pi.id).map((e) => e.type)
    expect(await types()).toContain('payment_intent.processing')
    clock += 10
    const deadline = Date.now() + 5_000
    let settled = await stripe.paymentIntents.retrieve(pi.id)
    while (settled.status === 'processing' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      settled = await stripe.paymentIntents.retrieve(pi.id)
    }
    expect(settled).toMatchObject({ status: 'succeeded', amount_received: 2000 })
    expect(await types()).toEqual(expect.arrayContaining(['payment_intent.processing', 'charge.succeeded', 'payment_intent.succeeded']))
  })

  it('answers 3-D Secure confirmed server-side with a return_url with redirect_to_url, and with Stripe.js with use_stripe_sdk', async () => {
    const redirect = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur', ...cardOnly })
    const confirmed = await stripe.paymentIntents.confirm(redirect.id, {
      payment_method: 'pm_card_threeDSecure2Required',
      return_url: 'https://shop.example/back',
    })
    expect(confirmed.status).toBe('requires_action')
    expect(confirmed.next_action).toMatchObject({
      type: 'redirect_to_url',
      redirect_to_url: { return_url: 'https://shop.example/back', url: expect.stringContaining(`/v1/sandbox/3ds/${redirect.id}`) },
    })
    const sdk = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur', ...cardOnly })
    const viaSdk = await stripe.paymentIntents.confirm(sdk.id, { payment_method: 'pm_card_threeDSecure2Required', use_stripe_sdk: true, return_url: 'https://shop.example/back' })
    expect(viaSdk.next_action?.type).toBe('use_stripe_sdk')
  })

  it('accepts payment_method_data (card[token]) without confirm, ready to confirm', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      ...cardOnly,
      payment_method_data: { type: 'card', card: { token: 'tok_visa' } } as unknown as Stripe.PaymentIntentCreateParams.PaymentMethodData,
    })
    expect(pi.status).toBe('requires_confirmation')
    expect(pi.payment_method).toMatch(/^pm_/)
    expect((await stripe.paymentIntents.confirm(pi.id)).status).toBe('succeeded')
    const unknown = await stripeError(() =>
      stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_nonsense' } } as unknown as Stripe.PaymentMethodCreateParams),
    )
    expect(unknown).toMatchObject({ code: 'resource_missing' })
  })
})

describe('API versions', () => {
  it('refuses an invalid Stripe-Version and one it cannot render', async () => {
    const bad = await rawRequest(sandbox, 'GET', '/v1/customers', { key: 'sk_test_x', headers: { 'Stripe-Version': 'not-a-version' } })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('Invalid Stripe API version')
    const other = await rawRequest(sandbox, 'GET', '/v1/customers', { key: 'sk_test_x', headers: { 'Stripe-Version': '2024-04-10' } })
    expect(other.status).toBe(400)
    const own = await rawRequest(sandbox, 'GET', '/v1/customers', { key: 'sk_test_x', headers: { 'Stripe-Version': Stripe.API_VERSION } })
    expect(own.status).toBe(200)
  })

  it('records an endpoint for its own version and refuses one for a version it cannot render', async () => {
    const endpoint = await stripe.webhookEndpoints.create({
      url: 'https://till.example/webhooks/stripe',
      enabled_events: ['payment_intent.succeeded'],
      api_version: Stripe.API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
    })
    expect(endpoint.api_version).toBe(Stripe.API_VERSION)
    expect((await stripe.webhookEndpoints.retrieve(endpoint.id)).api_version).toBe(Stripe.API_VERSION)
    const before = (await stripe.webhookEndpoints.list()).data.length
    expect(
      await stripeError(() => stripe.webhookEndpoints.create({ url: 'https://till.example/old', enabled_events: ['*'], api_version: '2024-04-10' })),
    ).toMatchObject({ param: 'api_version' })
    expect((await stripe.webhookEndpoints.list()).data).toHaveLength(before)
  })
})
