// The contract the browser-side Stripe.js stand-in relies on: publishable key + client secret.

import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { rawRequest, startWithSdk } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe
const PK = 'pk_test_browser'

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({}, { enabled: false }))
})
afterAll(() => sandbox.close())

function cardForm(secret: string, number: string, extra = ''): string {
  return (
    `client_secret=${encodeURIComponent(secret)}&payment_method_data[type]=card&payment_method_data[card][number]=${number}` +
    `&payment_method_data[card][exp_month]=12&payment_method_data[card][exp_year]=2040&payment_method_data[card][cvc]=123` +
    `&payment_method_data[billing_details][address][postal_code]=10115&return_url=https%3A%2F%2Ftill.example%2Fcheckout&use_stripe_sdk=true${extra}`
  )
}

async function newIntent(): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({ amount: 1999, currency: 'eur', automatic_payment_methods: { enabled: true } })
}

describe('publishable-key routes', () => {
  it('retrieves an intent with its client secret and refuses a wrong or missing one', async () => {
    const pi = await newIntent()
    const good = await rawRequest(sandbox, 'GET', `/v1/payment_intents/${pi.id}?client_secret=${pi.client_secret}`, { key: PK })
    expect(good.status).toBe(200)
    expect(good.body).toMatchObject({ id: pi.id, status: 'requires_payment_method', client_secret: pi.client_secret })
    const other = await newIntent()
    const wrong = await rawRequest(sandbox, 'GET', `/v1/payment_intents/${pi.id}?client_secret=${other.client_secret}`, {
      key: PK,
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error).toMatchObject({ type: 'invalid_request_error', param: 'client_secret' })
    const missing = await rawRequest(sandbox, 'GET', `/v1/payment_intents/${pi.id}`, { key: PK })
    expect(missing.status).toBe(400)
  })

  it('confirms with card data and the billing postal code', async () => {
    const pi = await newIntent()
    const response = await rawRequest(sandbox, 'POST', `/v1/payment_intents/${pi.id}/confirm`, {
      key: PK,
      form: cardForm(pi.client_secret ?? '', '4242424242424242', '&return_url=http%3A%2F%2Flocalhost%2Fdone'),
    })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ id: pi.id, status: 'succeeded', amount_received: 1999 })
    const pm = await stripe.paymentMethods.retrieve(response.body.payment_method as string)
    expect(pm.billing_details.address?.postal_code).toBe('10115')
    expect(pm.card?.last4).toBe('4242')
  })

  it('answers a decline with 402 and the intent', async () => {
    const pi = await newIntent()
    const response = await rawRequest(sandbox, 'POST', `/v1/payment_intents/${pi.id}/confirm`, {
      key: PK,
      form: cardForm(pi.client_secret ?? '', '4000000000009995'),
    })
    expect(response.status).toBe(402)
    expect(response.body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      payment_intent: {
        id: pi.id,
        status: 'requires_payment_method',
        last_payment_error: { decline_code: 'insufficient_funds' },
      },
    })
  })

  it('refuses confirming with the wrong client secret and changes nothing', async () => {
    const pi = await newIntent()
    const response = await rawRequest(sandbox, 'POST', `/v1/payment_intents/${pi.id}/confirm`, {
      key: PK,
      form: cardForm(`${pi.id}_secret_forged`, '4242424242424242'),
    })
    expect(response.status).toBe(400)
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_payment_method')
  })

  it('runs 3-D Secure: requires_action, then complete or fail via sandbox_authenticate', async () => {
    for (const outcome of ['complete', 'fail'] as const) {
      const pi = await newIntent()
      const secret = pi.client_secret ?? ''
      const confirmed = await rawRequest(sandbox, 'POST', `/v1/payment_intents/${pi.id}/confirm`, {
        key: PK,
        form: cardForm(secret, '4000002500003155'),
      })
      expect(confirmed.body).toMatchObject({
        status: 'requires_action',
        next_action: { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } },
      })
      const wrong = await rawRequest(sandbox, 'POST', `/v1/payment_intents/${pi.id}/sandbox_authenticate`, {
        key: PK,
        form: `client_secret=nope&outcome=${outcome}`,
      })
      expect(wrong.status).toBe(400)
      const answered = await rawRequest(sandbox, 'POST', `/v1/payment_intents/${pi.id}/sandbox_authenticate`, {
        key: PK,
        form: `client_secret=${encodeURIComponent(secret)}&outcome=${outcome}`,
      })
      expect(answered.status).toBe(200)
      if (outcome === 'complete') expect(answered.body).toMatchObject({ status: 'succeeded' })
      else
        expect(answered.body).toMatchObject({
          status: 'requires_payment_method',
          last_payment_error: { type: 'card_error', code: 'payment_intent_authentication_failure' },
        })
    }
  })

  it('keeps every other route closed to the publishable key', async () => {
    const pi = await newIntent()
    for (const [method, path] of [
      ['GET', '/v1/customers'],
      ['POST', `/v1/payment_intents/${pi.id}`],
      ['POST', `/v1/payment_intents/${pi.id}/cancel`],
      ['GET', '/v1/events'],
      ['POST', '/v1/refunds'],
    ] as const) {
      const query = `client_secret=${pi.client_secret}`
      const response =
        method === 'GET'
          ? await rawRequest(sandbox, method, `${path}?${query}`, { key: PK })
          : await rawRequest(sandbox, method, path, { key: PK, form: query })
      expect(response.status, `${method} ${path}`).toBe(401)
      expect((response.body.error as { message: string }).message).toMatch(/publishable API key/)
    }
  })

  it('lets the browser create a PaymentMethod with the publishable key', async () => {
    const response = await rawRequest(sandbox, 'POST', '/v1/payment_methods', {
      key: PK,
      form: 'type=card&card[number]=4242424242424242&card[exp_month]=1&card[exp_year]=2041&card[cvc]=314',
    })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      object: 'payment_method',
      type: 'card',
      card: { brand: 'visa', last4: '4242', exp_year: 2041 },
    })
    const bad = await rawRequest(sandbox, 'POST', '/v1/payment_methods', {
      key: PK,
      form: 'type=card&card[number]=4242424242424241&card[exp_month]=1&card[exp_year]=2041',
    })
    expect(bad.status).toBe(402)
    expect(bad.body.error).toMatchObject({
      type: 'card_error',
      code: 'incorrect_number',
      message: 'Your card number is incorrect.',
    })
  })
})
