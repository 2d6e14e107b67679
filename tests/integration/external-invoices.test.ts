// One-off invoices paid in Stripe without the till (made in the dashboard): invoice.paid, signed and delivered by
// the sandbox as Stripe delivers it, is placed like an outside checkout session — by the customer's email and each
// line's price/product.
import type Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestTill, type TestTill } from '../helpers/test-till'
import { applyExternalInvoice, type ExternalInvoiceFacts } from '../../src/main/core/external/apply-external-invoice'

let tills: TestTill[] = []
const tokens = new Map<TestTill, string>()
afterEach(async () => {
  for (const till of tills) await till.close()
  tills = []
})

async function till(options: Parameters<typeof startTestTill>[0] = {}): Promise<TestTill> {
  const t = await startTestTill(options)
  tills.push(t)
  tokens.set(t, await t.managerToken())
  await t.call('catalog:setPublishing', { enabled: true, managerToken: tokens.get(t)! })
  return t
}

const priceOf = async (t: TestTill, code: string) => (await t.stripe.prices.list({ lookup_keys: [`coursetill_course_${code}`] })).data[0]!
const emailOf = (t: TestTill, accountId: number) => t.till.ctx.db.prepare('SELECT email FROM account WHERE id = ?').pluck().get(accountId) as string

type Item = { price: string } | { amount: number; currency: string; description: string }

/** As a person does it in the dashboard: a customer, a draft invoice, its items, finalize, charge the card. */
async function invoicePaidOutside(t: TestTill, email: string, items: Item[], metadata: Record<string, string> = {}): Promise<Stripe.Invoice> {
  const customer = await t.stripe.customers.create({ email, name: 'Invoice buyer' })
  const draft = await t.stripe.invoices.create({ customer: customer.id, metadata })
  for (const item of items) {
    await t.stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, ...('price' in item ? { pricing: { price: item.price } } : item) })
  }
  await t.stripe.invoices.finalizeInvoice(draft.id)
  const paid = await t.stripe.invoices.pay(draft.id, { payment_method: 'pm_card_visa' })
  expect(paid.status).toBe('paid')
  await t.deliveriesSettled()
  return paid
}

describe('invoices paid in Stripe without the till', () => {
  it('a known email (any case) and catalog prices: an external order, paid, the courses owned; replays change nothing', async () => {
    const t = await till({ delivery: { copies: 3, shuffle: true } })
    const invoice = await invoicePaidOutside(t, emailOf(t, 2).toUpperCase(), [{ price: (await priceOf(t, 'BOOK-101')).id }, { price: (await priceOf(t, 'XLS-110')).id }])
    const { payments } = await t.call('external:list', { status: 'recorded' })
    expect(payments).toHaveLength(1)
    expect(payments[0]).toMatchObject({ stripeObjectId: invoice.id, accountId: 2, amount: 8800, currency: 'GBP', reason: null })
    const order = t.detail(payments[0]!.orderId!)
    expect(order).toMatchObject({ accountId: 2, status: 'successful', amount: 8800, external: { stripeObjectId: invoice.id, source: 'invoice' } })
    expect(order.ownership.map((o) => o.courseId)).toEqual([1, 2])
    const intent = (await t.stripe.invoices.retrieve(invoice.id, { expand: ['payments'] })).payments!.data[0]!.payment.payment_intent
    expect(order.payments).toMatchObject([{ method: 'card', status: 'succeeded', amountReceived: 8800, stripePaymentIntentId: intent }])
    expect(t.count('purchase_order')).toBe(1)
    expect(t.count('stripe_event', "type = 'invoice.paid' AND outcome = 'applied'")).toBe(1)
    // Another event for the same invoice (Stripe's ids differ per event): the claim by invoice id holds.
    const fresh = (await t.stripe.invoices.retrieve(invoice.id, { expand: ['payments'] })) as unknown as ExternalInvoiceFacts
    const again = applyExternalInvoice({ db: t.till.ctx.db, now: Date.now(), actor: 'stripe', queue: () => {}, installationId: t.till.ctx.installationId }, fresh)
    expect(again).toEqual({ outcome: 'skipped', orderId: order.id })
    expect(t.count('external_payment')).toBe(1)
  })

  it('a course at another price is recorded for review and grants nothing', async () => {
    const t = await till()
    const published = await priceOf(t, 'BOOK-101')
    const cheaper = await t.stripe.prices.create({ product: published.product as string, currency: 'gbp', unit_amount: 3900 })
    const invoice = await invoicePaidOutside(t, emailOf(t, 1), [{ price: cheaper.id }])
    const [row] = (await t.call('external:list', { status: 'recorded' })).payments
    expect(row).toMatchObject({ stripeObjectId: invoice.id, reason: expect.stringMatching(/costs 4900 GBP minor units here, Stripe charged 3900/) })
    const order = t.detail(row!.orderId!)
    expect(t.till.ctx.db.prepare('SELECT review_reason FROM purchase_order WHERE id = ?').pluck().get(order.id)).toMatch(/Paid outside the till/)
    expect(order.ownership).toEqual([])
    expect(t.count('stripe_event', "type = 'invoice.paid' AND outcome = 'review'")).toBe(1)
  })

  it('an unknown email, or an item that is not a course, waits in the Unmatched payments inbox', async () => {
    const t = await till()
    const stranger = await invoicePaidOutside(t, 'stranger@example.com', [{ price: (await priceOf(t, 'MKT-200')).id }])
    const workbook = await invoicePaidOutside(t, emailOf(t, 1), [{ amount: 1500, currency: 'gbp', description: 'Printed workbook' }])
    const { payments: inbox } = await t.call('external:list', { status: 'unmatched' })
    const byObject = new Map(inbox.map((p) => [p.stripeObjectId, p]))
    expect(byObject.get(stranger.id)).toMatchObject({ email: 'stranger@example.com', reason: 'No customer with the email stranger@example.com', lines: [{ courseId: 3, amount: 7900 }] })
    expect(byObject.get(workbook.id)).toMatchObject({ accountId: 1, reason: 'Not a course of this shop: "Printed workbook"' })
    expect(t.count('purchase_order')).toBe(0)
  })

  it("leaves an invoice naming a till alone: another till's is foreign, one naming this till is not external", async () => {
    const t = await till()
    const price = (await priceOf(t, 'BOOK-101')).id
    await invoicePaidOutside(t, emailOf(t, 1), [{ price }], { coursetill_install: 'another-till-0000000000' })
    await invoicePaidOutside(t, emailOf(t, 1), [{ price }], { coursetill_install: t.till.ctx.installationId })
    expect(t.count('external_payment')).toBe(0)
    expect(t.count('purchase_order')).toBe(0)
    expect(t.count('stripe_event', "type = 'invoice.paid' AND outcome = 'foreign'")).toBe(1)
  })

  it('an invoice for nothing (paid at once, zero) is no payment: nothing recorded, nothing failed', async () => {
    const t = await till()
    const customer = await t.stripe.customers.create({ email: emailOf(t, 1) })
    const draft = await t.stripe.invoices.create({ customer: customer.id })
    expect((await t.stripe.invoices.finalizeInvoice(draft.id)).status).toBe('paid')
    await t.deliveriesSettled()
    expect(t.count('stripe_event', "type = 'invoice.paid' AND outcome = 'skipped'")).toBe(1)
    expect(t.count('external_payment')).toBe(0)
  })

  it("a subscription's invoice made in the dashboard is not a one-off sale: nothing recorded", async () => {
    const t = await till()
    const product = await t.stripe.products.create({ name: 'Dashboard club' })
    const monthly = await t.stripe.prices.create({ product: product.id, currency: 'gbp', unit_amount: 1500, recurring: { interval: 'month' } })
    const customer = await t.stripe.customers.create({ email: emailOf(t, 1), payment_method: 'pm_card_visa' })
    const card = (await t.stripe.customers.listPaymentMethods(customer.id)).data[0]!.id
    await t.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card } })
    const subscription = await t.stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] })
    expect(subscription.status).toBe('active')
    await t.deliveriesSettled()
    expect(t.count('stripe_event', "type = 'invoice.paid'")).toBe(1)
    expect(t.count('external_payment')).toBe(0)
  })

  it('at a till told not to record payments taken in Stripe, nothing is recorded', async () => {
    const t = await till()
    await t.call('external:setEnabled', { enabled: false, managerToken: tokens.get(t)! })
    await invoicePaidOutside(t, emailOf(t, 1), [{ price: (await priceOf(t, 'BOOK-101')).id }])
    expect(t.count('external_payment')).toBe(0)
  })
})
