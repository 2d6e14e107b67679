// One-off invoices made by hand, as a Stripe dashboard user or an app makes them: invoice items, a draft invoice,
// finalize, pay — through the official SDK, with the objects and events Stripe gives (API 2025-03-31+ shapes:
// `invoice.payments`, line `pricing.price_details`, `parent`).

import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxHandle } from '../../src'
import { startReceiver, startWithSdk, stripeError, type Receiver } from './helpers'

let sandbox: SandboxHandle
let stripe: Stripe
let receiver: Receiver

beforeAll(async () => {
  ;({ sandbox, stripe } = await startWithSdk({}, {}))
  receiver = await startReceiver()
  const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['*'] })
  receiver.setSecret(endpoint.secret!)
})
afterAll(async () => {
  await receiver.close()
  await sandbox.close()
})

async function coursePrice(amount: number, currency = 'gbp') {
  const product = await stripe.products.create({ name: 'Bookkeeping Basics', metadata: { coursetill_course_code: 'BOOK-101' } })
  return stripe.prices.create({ product: product.id, currency, unit_amount: amount, lookup_key: `course_${product.id}` })
}

async function eventTypesFor(objectIds: string[]): Promise<string[]> {
  const events = await stripe.events.list({ limit: 100 })
  return events.data
    .filter((event) => objectIds.includes((event.data.object as { id: string }).id))
    .map((event) => event.type)
    .reverse()
}

describe('a one-off invoice: items, draft, finalize, pay', () => {
  it('bills a course price, charges the card and sends invoice.paid and invoice.payment_succeeded, signed', async () => {
    const customer = await stripe.customers.create({ email: 'Buyer@Example.com', name: 'Buyer' })
    const price = await coursePrice(4900)
    const draft = await stripe.invoices.create({ customer: customer.id, collection_method: 'charge_automatically', metadata: { note: 'phone sale' } })
    expect(draft).toMatchObject({ object: 'invoice', status: 'draft', billing_reason: 'manual', number: null, parent: null, amount_due: 0, customer_email: 'Buyer@Example.com', metadata: { note: 'phone sale' } })
    const item = await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, pricing: { price: price.id } })
    expect(item).toMatchObject({ object: 'invoiceitem', amount: 4900, currency: 'gbp', quantity: 1, invoice: draft.id, pricing: { type: 'price_details', price_details: { price: price.id, product: price.product } } })

    const open = await stripe.invoices.finalizeInvoice(draft.id, { expand: ['payments'] })
    expect(open).toMatchObject({ status: 'open', amount_due: 4900, total: 4900, currency: 'gbp' })
    expect(open.number).toMatch(/-0001$/)
    const [line] = open.lines.data
    expect(line).toMatchObject({ amount: 4900, quantity: 1, parent: { type: 'invoice_item_details', invoice_item_details: { invoice_item: item.id } }, pricing: { price_details: { price: price.id } } })
    const intentId = open.payments!.data[0]!.payment.payment_intent as string
    expect(intentId).toMatch(/^pi_/)

    const paid = await stripe.invoices.pay(draft.id, { payment_method: 'pm_card_visa' })
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 4900, amount_remaining: 0 })
    const intent = await stripe.paymentIntents.retrieve(intentId)
    expect(intent).toMatchObject({ status: 'succeeded', amount: 4900, currency: 'gbp', description: 'Payment for Invoice' })
    const reread = await stripe.invoices.retrieve(draft.id, { expand: ['payments'] })
    expect(reread.payments!.data[0]).toMatchObject({ status: 'paid', amount_paid: 4900 })

    expect(await eventTypesFor([draft.id, item.id])).toEqual([
      'invoice.created',
      'invoiceitem.created',
      'invoice.updated',
      'invoice.finalized',
      'invoice.updated',
      'invoice.paid',
      'invoice.payment_succeeded',
    ])
    // Delivered signed, as Stripe signs them (the receiver verifies with constructEvent).
    await sandbox.idle()
    const delivered = receiver.deliveries.filter((d) => (d.event.data.object as { id: string }).id === draft.id).map((d) => d.event.type)
    expect(delivered).toEqual(expect.arrayContaining(['invoice.paid', 'invoice.payment_succeeded']))
    expect(receiver.rejected).toEqual([])
  })

  it('takes pending items only when asked (pending_invoice_items_behavior=include), in their currency', async () => {
    const customer = await stripe.customers.create({ email: 'two@example.com' })
    const price = await coursePrice(6800, 'jpy')
    const pending = await stripe.invoiceItems.create({ customer: customer.id, pricing: { price: price.id } })
    expect(pending.invoice).toBeNull()
    const without = await stripe.invoices.create({ customer: customer.id })
    expect(without.lines.data).toEqual([])
    const withItems = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' })
    expect(withItems).toMatchObject({ currency: 'jpy', amount_due: 6800 })
    expect((await stripe.invoiceItems.retrieve(pending.id)).invoice).toBe(withItems.id)
  })

  it('refuses what Stripe refuses', async () => {
    const customer = await stripe.customers.create({ email: 'three@example.com' })
    const product = await stripe.products.create({ name: 'Membership' })
    const monthly = await stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 1500, recurring: { interval: 'month' } })
    expect(await stripeError(() => stripe.invoiceItems.create({ customer: customer.id, pricing: { price: monthly.id } }))).toMatchObject({ param: 'pricing[price]' })
    expect(await stripeError(() => stripe.invoiceItems.create({ customer: customer.id, amount: 500 }))).toMatchObject({ param: 'currency' })
    expect(await stripeError(() => stripe.invoices.create({} as Stripe.InvoiceCreateParams))).toMatchObject({ param: 'customer' })
    expect(await stripeError(() => stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice' }))).toMatchObject({ param: 'days_until_due' })
    const draft = await stripe.invoices.create({ customer: customer.id })
    await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 1000, currency: 'gbp', description: 'Workbook' })
    await stripe.invoices.finalizeInvoice(draft.id)
    expect(await stripeError(() => stripe.invoices.finalizeInvoice(draft.id))).toMatchObject({ code: 'invoice_not_editable' })
    expect(await stripeError(() => stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 100, currency: 'gbp' }))).toMatchObject({ code: 'invoice_not_editable' })
  })
})
