import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { objectId, startWithSdk, stripeError } from './helpers'

type InvoiceWithIntent = Stripe.Invoice & { payment_intent: Stripe.PaymentIntent }

let sandbox: SandboxHandle
let stripe: Stripe
const DAY = 86_400
const START = 1_900_000_000

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({}, { enabled: false }))
})
afterAll(() => sandbox.close())

async function monthlyPrice(amount = 1500): Promise<Stripe.Price> {
  const product = await stripe.products.create({ name: 'Pro membership' })
  return stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: amount, recurring: { interval: 'month' } })
}

async function eventTypesSince(eventId: string | undefined): Promise<string[]> {
  const events = await stripe.events.list({ limit: 100, ...(eventId ? { ending_before: eventId } : {}) })
  return events.data.map((event) => event.type).reverse()
}

async function latestEventId(): Promise<string | undefined> {
  return (await stripe.events.list({ limit: 1 })).data[0]?.id
}

describe('products and prices', () => {
  it('creates, updates and lists one-time and recurring prices', async () => {
    const product = await stripe.products.create({ name: 'TypeScript course', metadata: { sku: 'ts-1' } })
    expect(product).toMatchObject({ object: 'product', name: 'TypeScript course', active: true })
    const once = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 4900 })
    expect(once).toMatchObject({ type: 'one_time', recurring: null, unit_amount: 4900, currency: 'eur', product: product.id })
    const yearly = await stripe.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 9900,
      recurring: { interval: 'year' },
    })
    expect(yearly).toMatchObject({ type: 'recurring', recurring: { interval: 'year', interval_count: 1 } })
    expect((await stripe.prices.list({ product: product.id, type: 'recurring' })).data.map((p) => p.id)).toEqual([yearly.id])
    const archived = await stripe.prices.update(once.id, { active: false })
    expect(archived.active).toBe(false)
    expect((await stripe.products.update(product.id, { default_price: yearly.id })).default_price).toBe(yearly.id)
    expect(await stripeError(() => stripe.products.del(product.id))).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(await stripeError(() => stripe.prices.create({ currency: 'eur', unit_amount: 1 }))).toMatchObject({
      code: 'parameter_missing',
      param: 'product',
    })
  })
})

describe('subscriptions', () => {
  it('default_incomplete: first invoice intent paid by the customer activates the subscription', async () => {
    const price = await monthlyPrice()
    const customer = await stripe.customers.create({ email: 'member@example.com' })
    const before = await latestEventId()
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
      expand: ['latest_invoice.payment_intent'],
    })
    const invoice = subscription.latest_invoice as InvoiceWithIntent
    expect(subscription).toMatchObject({ object: 'subscription', status: 'incomplete', customer: customer.id })
    expect(invoice).toMatchObject({ object: 'invoice', status: 'open', amount_due: 1500, billing_reason: 'subscription_create' })
    expect(invoice.payment_intent).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      amount: 1500,
      customer: customer.id,
    })
    expect(invoice.confirmation_secret?.client_secret).toBe(invoice.payment_intent.client_secret)
    expect(invoice.lines.data[0]).toMatchObject({
      amount: 1500,
      period: { start: subscription.items.data[0]?.current_period_start, end: subscription.items.data[0]?.current_period_end },
    })

    await stripe.paymentIntents.confirm(invoice.payment_intent.id, { payment_method: 'pm_card_visa' })
    const active = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] })
    expect(active.status).toBe('active')
    expect(active.default_payment_method).toMatch(/^pm_/)
    expect(active.latest_invoice).toMatchObject({ status: 'paid', amount_paid: 1500, amount_remaining: 0 })
    const types = await eventTypesSince(before)
    for (const type of [
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
    ]) {
      expect(types).toContain(type)
    }
    expect(types.indexOf('invoice.paid')).toBeGreaterThan(types.indexOf('payment_intent.succeeded'))
    const updated = (await stripe.events.list({ type: 'customer.subscription.updated', limit: 1 })).data[0]
    expect(updated?.data.previous_attributes).toMatchObject({ status: 'incomplete' })
  })

  it('a declined first payment leaves it incomplete with invoice.payment_failed', async () => {
    const price = await monthlyPrice()
    const customer = await stripe.customers.create({})
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
      expand: ['latest_invoice.payment_intent'],
    })
    const invoice = subscription.latest_invoice as InvoiceWithIntent
    await stripeError(() =>
      stripe.paymentIntents.confirm(invoice.payment_intent.id, { payment_method: 'pm_card_chargeDeclined' }),
    )
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('incomplete')
    const failed = (await stripe.events.list({ type: 'invoice.payment_failed', limit: 1 })).data[0]
    expect(objectId(failed)).toBe(invoice.id)
    expect(await stripeError(() => stripe.paymentIntents.cancel(invoice.payment_intent.id))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    })
  })

  it('charges the default payment method at once with allow_incomplete and error_if_incomplete', async () => {
    const price = await monthlyPrice(2000)
    const customer = await stripe.customers.create({ payment_method: 'pm_card_visa' })
    const pm = (await stripe.customers.listPaymentMethods(customer.id)).data[0]?.id ?? ''
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm } })
    const active = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] })
    expect(active.status).toBe('active')

    const declining = await stripe.customers.create({ payment_method: 'pm_card_chargeCustomerFail' })
    const badPm = (await stripe.customers.listPaymentMethods(declining.id)).data[0]?.id ?? ''
    const error = await stripeError(() =>
      stripe.subscriptions.create({
        customer: declining.id,
        items: [{ price: price.id }],
        default_payment_method: badPm,
        payment_behavior: 'error_if_incomplete',
      }),
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect((await stripe.subscriptions.list({ customer: declining.id, status: 'all' })).data).toHaveLength(0)
    const incomplete = await stripe.subscriptions.create({
      customer: declining.id,
      items: [{ price: price.id }],
      default_payment_method: badPm,
    })
    expect(incomplete.status).toBe('incomplete')

    const nothing = await stripe.customers.create({})
    const missing = await stripeError(() => stripe.subscriptions.create({ customer: nothing.id, items: [{ price: price.id }] }))
    expect(missing.message).toMatch(/no attached payment source or default payment method/)
  })

  it('refuses one-time prices and mixed currencies', async () => {
    const product = await stripe.products.create({ name: 'x' })
    const once = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 500 })
    const customer = await stripe.customers.create({})
    expect(
      await stripeError(() =>
        stripe.subscriptions.create({
          customer: customer.id,
          items: [{ price: once.id }],
          payment_behavior: 'default_incomplete',
        }),
      ),
    ).toMatchObject({ param: 'items[0][price]' })
    const eur = await stripe.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 500,
      recurring: { interval: 'month' },
    })
    const usd = await monthlyPrice()
    expect(
      await stripeError(() =>
        stripe.subscriptions.create({
          customer: customer.id,
          items: [{ price: eur.id }, { price: usd.id }],
          payment_behavior: 'default_incomplete',
        }),
      ),
    ).toMatchObject({ param: 'items' })
  })

  it('updates items and cancel_at_period_end, and cancels', async () => {
    const price = await monthlyPrice()
    const bigger = await monthlyPrice(3000)
    const customer = await stripe.customers.create({})
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
    })
    const itemId = subscription.items.data[0]?.id ?? ''
    const upgraded = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: itemId, price: bigger.id, quantity: 2 }],
      cancel_at_period_end: true,
      metadata: { plan: 'big' },
    })
    expect(upgraded.items.data).toHaveLength(1)
    expect(upgraded.items.data[0]).toMatchObject({ id: itemId, price: { id: bigger.id }, quantity: 2 })
    expect(upgraded).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: subscription.items.data[0]?.current_period_end,
      metadata: { plan: 'big' },
    })
    const updateEvent = (await stripe.events.list({ type: 'customer.subscription.updated', limit: 1 })).data[0]
    expect(updateEvent?.data.previous_attributes).toMatchObject({ cancel_at_period_end: false })
    const canceled = await stripe.subscriptions.cancel(subscription.id)
    expect(canceled.status).toBe('canceled')
    expect((await stripe.events.list({ type: 'customer.subscription.deleted', limit: 1 })).data[0]?.data.object).toMatchObject({
      id: subscription.id,
    })
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0)
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'canceled' })).data).toHaveLength(1)
  })
})

describe('test clocks', () => {
  it('advancing renews each period with a new paid invoice, then cancels at period end', async () => {
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START, name: 'renewals' })
    expect(clock).toMatchObject({ object: 'test_helpers.test_clock', status: 'ready', frozen_time: START })
    const customer = await stripe.customers.create({
      email: 'clock@example.com',
      test_clock: clock.id,
      payment_method: 'pm_card_visa',
    })
    const pm = (await stripe.customers.listPaymentMethods(customer.id)).data[0]?.id ?? ''
    const price = await monthlyPrice(1000)
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      default_payment_method: pm,
    })
    expect(subscription).toMatchObject({ status: 'active', start_date: START, test_clock: clock.id })

    const advanced = await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 65 * DAY })
    expect(advanced).toMatchObject({ status: 'ready', frozen_time: START + 65 * DAY })
    const invoices = await stripe.invoices.list({ subscription: subscription.id })
    expect(invoices.data.map((invoice) => [invoice.billing_reason, invoice.status])).toEqual([
      ['subscription_cycle', 'paid'],
      ['subscription_cycle', 'paid'],
      ['subscription_create', 'paid'],
    ])
    const renewed = await stripe.subscriptions.retrieve(subscription.id)
    expect(renewed.items.data[0]?.current_period_start).toBe(invoices.data[0]?.lines.data[0]?.period.start)
    expect(renewed.latest_invoice).toBe(invoices.data[0]?.id)
    expect(invoices.data[0]?.created).toBeGreaterThan(START + 30 * DAY)

    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true })
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 100 * DAY })
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('canceled')
    expect((await stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(3)
    expect(await stripeError(() => stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START }))).toMatchObject({
      param: 'frozen_time',
    })
  })

  it('a failed renewal makes the subscription past_due; paying the invoice makes it active again', async () => {
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START })
    const customer = await stripe.customers.create({ test_clock: clock.id })
    const price = await monthlyPrice()
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
      expand: ['latest_invoice.payment_intent'],
    })
    // Paid once with a card that will not be saved: renewals have nothing to charge.
    await stripe.paymentIntents.confirm((subscription.latest_invoice as InvoiceWithIntent).payment_intent.id, {
      payment_method: 'pm_card_visa',
    })
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 32 * DAY })
    const pastDue = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] })
    expect(pastDue.status).toBe('past_due')
    const renewal = pastDue.latest_invoice as Stripe.Invoice
    expect(renewal).toMatchObject({ status: 'open', billing_reason: 'subscription_cycle', attempted: true })
    await stripe.invoices.pay(renewal.id, { payment_method: 'pm_card_visa' })
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active')
    expect((await stripe.invoices.retrieve(renewal.id)).status).toBe('paid')
  })
})

describe('failed renewals', () => {
  it('names the invoice intent in invoice.payments, retries a failed renewal 3, 5 and 7 days later, then cancels', async () => {
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START })
    const price = await monthlyPrice(1200)
    const customer = await stripe.customers.create({ test_clock: clock.id })
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
    })
    const first = await stripe.invoices.retrieve(subscription.latest_invoice as string, { expand: ['payments'] })
    const intentId = first.payments?.data[0]?.payment.payment_intent as string
    expect(intentId).toMatch(/^pi_/)
    await stripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' })
    expect((await stripe.invoices.retrieve(first.id)).payments?.data[0]).toMatchObject({ status: 'paid', amount_paid: 1200 })
    const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id })
    await stripe.subscriptions.update(subscription.id, { default_payment_method: failing.id })
    const periodEnd = (await stripe.subscriptions.retrieve(subscription.id)).items.data[0]!.current_period_end
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: periodEnd + 60 })
    const pastDue = await stripe.subscriptions.retrieve(subscription.id)
    expect(pastDue.status).toBe('past_due')
    const renewal = await stripe.invoices.retrieve(pastDue.latest_invoice as string)
    expect(renewal).toMatchObject({ status: 'open', attempt_count: 1, next_payment_attempt: periodEnd + 3 * DAY })
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: periodEnd + 10 * DAY })
    expect((await stripe.invoices.retrieve(renewal.id)).attempt_count).toBe(3)
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('past_due')
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: periodEnd + 16 * DAY })
    const ended = await stripe.subscriptions.retrieve(subscription.id)
    expect(ended).toMatchObject({ status: 'canceled', ended_at: periodEnd + 15 * DAY })
    expect((await stripe.invoices.retrieve(renewal.id)).attempt_count).toBe(4)
  })
})

describe('saving a card for later', () => {
  it('attaches the paying card to the customer when the intent asked for setup_future_usage', async () => {
    const customer = await stripe.customers.create({})
    const pi = await stripe.paymentIntents.create({ amount: 500, currency: 'gbp', customer: customer.id, setup_future_usage: 'off_session', allowed_payment_method_types: ['card'] })
    const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' })
    expect((await stripe.paymentMethods.retrieve(paid.payment_method as string)).customer).toBe(customer.id)
    const later = await stripe.paymentIntents.create({ amount: 700, currency: 'gbp', customer: customer.id, payment_method: paid.payment_method as string, off_session: true, confirm: true, allowed_payment_method_types: ['card'] })
    expect(later.status).toBe('succeeded')
  })
})
