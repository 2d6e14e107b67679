// Where the sandbox used to be kinder or stricter than Stripe (issue 11): each behaviour through the official SDK.

import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { rawRequest, startWithSdk, stripeError } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe
let clock = 1_900_000_000
const LAG = 60

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({ now: () => clock, account: { customerSearchLagSeconds: LAG } }, { enabled: false }))
})
afterAll(() => sandbox.close())

const rawCard = { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' }

async function paidIntent(amount = 2500): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({
    amount,
    currency: 'eur',
    payment_method: 'pm_card_visa',
    allowed_payment_method_types: ['card'],
    confirm: true,
  })
}

async function eventsOf(type: string, objectId: string): Promise<Stripe.Event[]> {
  const events = await stripe.events.list({ type, limit: 100 })
  return events.data.filter((event) => (event.data.object as { id: string }).id === objectId)
}

describe('raw card numbers', () => {
  it('are refused with a secret key, as on an account without raw card data access, and nothing is made', async () => {
    const before = (await stripe.paymentMethods.list({ limit: 100 })).data.length
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur', allowed_payment_method_types: ['card'] })
    const attempts = [
      () => stripe.paymentMethods.create({ type: 'card', card: rawCard }),
      () => stripe.paymentIntents.confirm(pi.id, { payment_method_data: { type: 'card', card: rawCard } } as Stripe.PaymentIntentConfirmParams),
      () =>
        stripe.paymentIntents.create({
          amount: 1000,
          currency: 'eur',
          allowed_payment_method_types: ['card'],
          payment_method_data: { type: 'card', card: rawCard },
        } as Stripe.PaymentIntentCreateParams),
    ]
    for (const attempt of attempts) {
      const error = await stripeError(attempt)
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
      expect(error.message).toMatch(/^Sending credit card numbers directly to the Stripe API is generally unsafe/)
    }
    expect((await stripe.paymentMethods.list({ limit: 100 })).data).toHaveLength(before)
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_payment_method')
    // Test tokens are the safe way, with the secret key.
    const token = await stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_visa' } })
    expect(token.card?.last4).toBe('4242')
  })

  it('still reach Stripe.js routes with the publishable key and the client secret', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur', allowed_payment_method_types: ['card'] })
    const form =
      `client_secret=${encodeURIComponent(pi.client_secret ?? '')}&payment_method_data[type]=card` +
      '&payment_method_data[card][number]=4242424242424242&payment_method_data[card][exp_month]=12' +
      '&payment_method_data[card][exp_year]=2040&payment_method_data[card][cvc]=123'
    const answer = await rawRequest(sandbox, 'POST', `/v1/payment_intents/${pi.id}/confirm`, { key: 'pk_test_browser', form })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ id: pi.id, status: 'succeeded' })
  })

  it('are accepted when the account has raw card data enabled', async () => {
    const { sandbox: enabled, stripe: sdk } = await startWithSdk({ account: { rawCardData: true } }, { enabled: false })
    try {
      expect((await sdk.paymentMethods.create({ type: 'card', card: rawCard })).card?.last4).toBe('4242')
    } finally {
      await enabled.close()
    }
  })
})

describe('customer search lag', () => {
  it('finds a new customer, and a changed email, only once the index has caught up on the sandbox clock', async () => {
    const search = async (email: string) => (await stripe.customers.search({ query: `email:'${email}'` })).data.map((c) => c.id)
    const customer = await stripe.customers.create({ email: 'lagging@example.com' })
    expect(await search('lagging@example.com')).toEqual([])
    // Lists are read-after-write on Stripe, and here.
    expect((await stripe.customers.list({ email: 'lagging@example.com' })).data.map((c) => c.id)).toEqual([customer.id])
    clock += LAG - 1
    expect(await search('lagging@example.com')).toEqual([])
    clock += 1
    expect(await search('lagging@example.com')).toEqual([customer.id])

    await stripe.customers.update(customer.id, { email: 'renamed@example.com' })
    clock += LAG - 1
    expect(await search('renamed@example.com')).toEqual([])
    const stale = await stripe.customers.search({ query: "email:'lagging@example.com'" })
    // Matched as the index saw it, answered as it is now.
    expect(stale.data.map((c) => [c.id, c.email])).toEqual([[customer.id, 'renamed@example.com']])
    clock += 1
    expect(await search('renamed@example.com')).toEqual([customer.id])
    expect(await search('lagging@example.com')).toEqual([])
  })

  it('refuses a lag that is not a whole number of seconds', async () => {
    await expect(startWithSdk({ account: { customerSearchLagSeconds: -5 } })).rejects.toThrow(/customerSearchLagSeconds/)
  })
})

describe('charge events', () => {
  it('emits charge.updated after charge.succeeded, when the balance transaction is booked', async () => {
    const pi = await paidIntent()
    const chargeId = String(pi.latest_charge)
    const [succeeded] = await eventsOf('charge.succeeded', chargeId)
    const [updated] = await eventsOf('charge.updated', chargeId)
    expect((succeeded?.data.object as Stripe.Charge).balance_transaction).toBeNull()
    const booked = updated?.data.object as Stripe.Charge
    expect(booked.balance_transaction).toMatch(/^txn_/)
    expect(updated?.data.previous_attributes).toEqual({ balance_transaction: null })
    const all = (await stripe.events.list({ limit: 100 })).data.map((event) => event.id)
    expect(all.indexOf(updated?.id ?? '')).toBeLessThan(all.indexOf(succeeded?.id ?? '')) // newest first
  })

  it('emits charge.refund.updated beside refund.updated', async () => {
    const pi = await paidIntent()
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 })
    await stripe.refunds.update(refund.id, { metadata: { note: 'till 7' } })
    const [legacy] = await eventsOf('charge.refund.updated', refund.id)
    expect(legacy?.data.object).toMatchObject({ object: 'refund', id: refund.id, metadata: { note: 'till 7' } })
    expect(legacy?.data.previous_attributes).toEqual({ metadata: {} })
    expect(await eventsOf('refund.updated', refund.id)).toHaveLength(1)
  })
})

describe('expanding a charge', () => {
  it('expands refunds and balance_transaction, on the charge and through latest_charge', async () => {
    const pi = await paidIntent(3000)
    const first = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 })
    const second = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 })
    const charge = await stripe.charges.retrieve(String(pi.latest_charge), { expand: ['refunds', 'balance_transaction'] })
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([second.id, first.id])
    expect(charge.balance_transaction).toMatchObject({ object: 'balance_transaction', amount: 3000, currency: 'eur', source: charge.id, type: 'charge' })
    const plain = await stripe.charges.retrieve(String(pi.latest_charge))
    expect(plain.refunds).toBeUndefined()
    const viaIntent = await stripe.paymentIntents.retrieve(pi.id, { expand: ['latest_charge.refunds'] })
    expect((viaIntent.latest_charge as Stripe.Charge).refunds?.data).toHaveLength(2)
    const refund = await stripe.refunds.retrieve(first.id, { expand: ['balance_transaction'] })
    expect(refund.balance_transaction).toMatchObject({ amount: -1000, type: 'refund', source: first.id })
    const listed = await stripe.charges.list({ payment_intent: pi.id, expand: ['data.refunds'] })
    expect(listed.data[0]?.refunds?.data).toHaveLength(2)
    expect(await stripeError(() => stripe.charges.retrieve(charge.id, { expand: ['disputes'] }))).toMatchObject({ param: 'expand' })
  })
})

describe('customers and invoices', () => {
  it("creates a customer with payment_method and the same token as invoice default, and invoices.pay charges it", async () => {
    const customer = await stripe.customers.create({
      email: 'member@example.com',
      payment_method: 'pm_card_visa',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    })
    const [attached] = (await stripe.customers.listPaymentMethods(customer.id)).data
    expect(attached?.id).toMatch(/^pm_/)
    expect(customer.invoice_settings.default_payment_method).toBe(attached?.id)

    const product = await stripe.products.create({ name: 'Membership' })
    const price = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 1500, recurring: { interval: 'month' } })
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
    })
    expect(subscription.default_payment_method).toBeNull()
    const invoiceId = String(subscription.latest_invoice)
    expect((await stripe.invoices.retrieve(invoiceId)).status).toBe('open')
    const paid = await stripe.invoices.pay(invoiceId)
    expect(paid.status).toBe('paid')
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active')
  })

  it('refuses invoices.pay when neither the subscription nor the customer has a default method', async () => {
    const customer = await stripe.customers.create({ email: 'nocard@example.com' })
    const product = await stripe.products.create({ name: 'Membership' })
    const price = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 1500, recurring: { interval: 'month' } })
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
    })
    const error = await stripeError(() => stripe.invoices.pay(String(subscription.latest_invoice)))
    expect(error).toMatchObject({ param: 'payment_method' })
    expect((await stripe.invoices.retrieve(String(subscription.latest_invoice))).status).toBe('open')
  })
})

describe('receipt_email', () => {
  it('is kept on the intent, copied to its charge and carried in the events; an update before paying wins; a bad address is refused', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1800, currency: 'gbp', allowed_payment_method_types: ['card'], receipt_email: 'first@example.com' })
    expect(pi.receipt_email).toBe('first@example.com')
    const error = await stripeError(() => stripe.paymentIntents.update(pi.id, { receipt_email: 'not an email' }))
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', param: 'receipt_email' })
    expect((await stripe.paymentIntents.retrieve(pi.id)).receipt_email).toBe('first@example.com')
    await stripe.paymentIntents.update(pi.id, { receipt_email: 'buyer@example.com' })
    const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa', expand: ['latest_charge'] })
    expect(paid.receipt_email).toBe('buyer@example.com')
    expect((paid.latest_charge as Stripe.Charge).receipt_email).toBe('buyer@example.com')
    const [succeeded] = await eventsOf('payment_intent.succeeded', pi.id)
    expect((succeeded!.data.object as Stripe.PaymentIntent).receipt_email).toBe('buyer@example.com')
    const charge = (paid.latest_charge as Stripe.Charge).id
    const [charged] = await eventsOf('charge.succeeded', charge)
    expect((charged!.data.object as Stripe.Charge).receipt_email).toBe('buyer@example.com')
    // Without one, Stripe sends no receipt: null on both.
    const plain = await paidIntent()
    expect(plain.receipt_email).toBeNull()
    expect((await stripe.charges.retrieve(String(plain.latest_charge))).receipt_email).toBeNull()
  })
})
