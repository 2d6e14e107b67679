import type Stripe from 'stripe'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSandbox, type SandboxHandle } from '@coursetill/stripe-sandbox'
import { snapshot } from '../helpers/temp-store'
import { payOnPage } from '../helpers/pay-page'
import { startTestTill, type TestTill } from '../helpers/test-till'

let tills: TestTill[] = []
const tokens = new Map<TestTill, string>()
let shared: SandboxHandle | null = null
afterEach(async () => {
  for (const till of tills) await till.close()
  tills = []
  await shared?.close()
  shared = null
})

async function till(options: Parameters<typeof startTestTill>[0] = {}): Promise<TestTill> {
  const t = await startTestTill(options)
  tills.push(t)
  tokens.set(t, await t.managerToken())
  await t.call('catalog:setPublishing', { enabled: true, managerToken: tokens.get(t)! })
  return t
}

const priceOf = async (t: TestTill, code: string) => (await t.stripe.prices.list({ lookup_keys: [`coursetill_course_${code}`] })).data[0]!

/** A Payment Link's session, as the dashboard makes it: no metadata of any till. */
async function paidOutside(t: TestTill, lineItems: Stripe.Checkout.SessionCreateParams.LineItem[], email: string, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const session = await t.stripe.checkout.sessions.create({ mode: 'payment', line_items: lineItems, success_url: 'https://shop.example/thanks', ...extra })
  expect((await payOnPage(session.url!, '4242 4242 4242 4242', email)).status).toBe(303)
  await t.deliveriesSettled()
  return session
}

const emailOf = (t: TestTill, accountId: number) => t.till.ctx.db.prepare('SELECT email FROM account WHERE id = ?').pluck().get(accountId) as string

describe('payments taken in Stripe without the till', () => {
  it('a known email (any case) and catalog prices: an external order, paid, the course owned; duplicates change nothing', async () => {
    const t = await till({ delivery: { copies: 3, shuffle: true } })
    const session = await paidOutside(t, [{ price: (await priceOf(t, 'BOOK-101')).id, quantity: 1 }, { price: (await priceOf(t, 'XLS-110')).id, quantity: 1 }], emailOf(t, 2).toUpperCase())
    const { payments } = await t.call('external:list', { status: 'recorded' })
    expect(payments).toHaveLength(1)
    expect(payments[0]).toMatchObject({ stripeObjectId: session.id, accountId: 2, amount: 8800, currency: 'GBP', reason: null })
    const order = t.detail(payments[0]!.orderId!)
    expect(order).toMatchObject({ accountId: 2, status: 'successful', amount: 8800, external: { stripeObjectId: session.id, source: 'checkout_session' } })
    expect(order.ownership.map((o) => o.courseId)).toEqual([1, 2])
    expect(order.payments).toMatchObject([{ method: 'card', status: 'succeeded', amountReceived: 8800, stripePaymentIntentId: session.payment_intent ?? expect.stringMatching(/^pi_/) }])
    expect(t.count('purchase_order')).toBe(1)
    // The shop's Stripe customer is remembered for the person when Stripe made one.
    expect(t.count('stripe_event', "type = 'checkout.session.completed' AND outcome = 'applied'")).toBe(1)
  })

  it('a payment that settles later is claimed once: completed unpaid, then async_payment_succeeded makes one order', async () => {
    const t = await till()
    const session = await t.stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price: (await priceOf(t, 'SVC-120')).id, quantity: 1 }], success_url: 'https://shop.example/thanks' })
    await payOnPage(session.url!, '4000 0099 9000 0005', emailOf(t, 1))
    await t.deliveriesSettled()
    await vi.waitFor(async () => expect((await t.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid'), { timeout: 10_000, interval: 200 })
    await t.deliveriesSettled()
    expect(t.count('external_payment')).toBe(1)
    expect(t.count('purchase_order')).toBe(1)
    expect(t.count('stripe_event', "outcome = 'failed'")).toBe(0)
    expect(t.count('stripe_event', "type = 'checkout.session.async_payment_succeeded'")).toBe(1)
  })

  it('an unknown email waits in the inbox; a manager assigns it to a new customer and the courses are granted', async () => {
    const t = await till()
    const session = await paidOutside(t, [{ price: (await priceOf(t, 'MKT-200')).id, quantity: 1 }], 'newcomer@example.com')
    const { payments: inbox } = await t.call('external:list', { status: 'unmatched' })
    expect(inbox).toHaveLength(1)
    expect(inbox[0]).toMatchObject({ stripeObjectId: session.id, email: 'newcomer@example.com', reason: 'No customer with the email newcomer@example.com', orderId: null })
    expect(inbox[0]!.lines).toMatchObject([{ courseId: 3, amount: 7900, quantity: 1 }])
    expect(t.count('purchase_order')).toBe(0)
    const token = tokens.get(t)!
    const placed = await t.call('external:assign', { externalId: inbox[0]!.id, newCustomer: { name: 'New Comer' }, courseIds: [3], managerToken: token })
    expect(placed).toMatchObject({ status: 'recorded' })
    expect(placed.log.map((entry) => entry.action)).toEqual(['received', 'to_inbox', 'assigned', 'recorded'])
    const order = t.detail(placed.orderId!)
    expect(order).toMatchObject({ accountEmail: 'newcomer@example.com', status: 'successful' })
    expect(order.ownership.map((o) => o.courseId)).toEqual([3])
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('external:assign', { externalId: inbox[0]!.id, accountId: 1, courseIds: [3], managerToken: token })).rejects.toThrow(/already recorded/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('an unknown product waits in the inbox; mapped to a course by a manager it becomes an order', async () => {
    const t = await till()
    await paidOutside(t, [{ price_data: { currency: 'gbp', unit_amount: 2900, product_data: { name: 'Service workshop' } }, quantity: 1 }], emailOf(t, 1))
    const [waiting] = (await t.call('external:list', { status: 'unmatched' })).payments
    expect(waiting).toMatchObject({ accountId: 1, reason: 'Not a course of this shop: "Service workshop"' })
    const token = tokens.get(t)!
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('external:assign', { externalId: waiting!.id, accountId: 1, courseIds: [9], managerToken: token })).rejects.toThrow(/JPY/)
    await expect(t.call('external:assign', { externalId: waiting!.id, accountId: 1, courseIds: [4, 5], managerToken: token })).rejects.toThrow(/each of the 1/)
    await expect(t.call('external:assign', { externalId: waiting!.id, courseIds: [4], managerToken: token })).rejects.toThrow(/Choose a customer/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
    const placed = await t.call('external:assign', { externalId: waiting!.id, accountId: 1, courseIds: [4], managerToken: token })
    expect(t.detail(placed.orderId!).ownership.map((o) => o.courseId)).toEqual([4])
  })

  it('a catalog course at another price: an external order held for review, nothing granted', async () => {
    const t = await till()
    const book = await priceOf(t, 'BOOK-101')
    const cheap = await t.stripe.prices.create({ product: book.product as string, currency: 'gbp', unit_amount: 1000, metadata: { coursetill_course_code: 'BOOK-101' } })
    await paidOutside(t, [{ price: cheap.id, quantity: 1 }], emailOf(t, 1))
    const [recorded] = (await t.call('external:list', { status: 'recorded' })).payments
    expect(recorded!.reason).toMatch(/costs 4900 GBP minor units here, Stripe charged 1000/)
    const order = t.detail(recorded!.orderId!)
    expect(order).toMatchObject({ status: 'successful', ownership: [] })
    expect(t.till.ctx.db.prepare('SELECT review_reason FROM purchase_order WHERE id = ?').pluck().get(order.id)).toMatch(/Paid outside the till/)
  })

  it('dismissed with a reason: kept, logged, out of the inbox; a reason is required', async () => {
    const t = await till()
    await paidOutside(t, [{ price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'Test' } }, quantity: 1 }], 'nobody@example.com')
    const [waiting] = (await t.call('external:list', { status: 'unmatched' })).payments
    const token = tokens.get(t)!
    await expect(t.call('external:dismiss', { externalId: waiting!.id, reason: ' ', managerToken: token })).rejects.toThrow()
    const dismissed = await t.call('external:dismiss', { externalId: waiting!.id, reason: 'Staff test payment, refunded in Stripe', managerToken: token })
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: 'Staff test payment, refunded in Stripe' })
    expect((await t.call('external:list', { status: 'unmatched' })).payments).toEqual([])
    expect(() => t.till.ctx.db.prepare('DELETE FROM external_payment').run()).toThrow(/never deleted/)
  })

  it('another till\'s session is foreign and never touched; our own pay link is not external', async () => {
    const t = await till()
    await paidOutside(t, [{ price: (await priceOf(t, 'BOOK-101')).id, quantity: 1 }], emailOf(t, 1), { metadata: { coursetill_install: 'another-till-0000000000', order_id: '1' } })
    expect(t.count('stripe_event', "type = 'checkout.session.completed' AND outcome = 'foreign'")).toBe(1)
    const order = t.order([2])
    const link = await t.call('payLinks:open', { orderId: order.id })
    await payOnPage(link.url!)
    await t.deliveriesSettled()
    expect(t.count('external_payment')).toBe(0)
    expect(t.count('purchase_order')).toBe(1)
  })

  it('two tills on one account: a till with external payments off leaves them to the other', async () => {
    shared = await startSandbox({ delivery: { retryScheduleMs: [100, 200] } })
    const a = await till({ sharedSandbox: shared })
    const b = await till({ sharedSandbox: shared })
    await b.call('external:setEnabled', { enabled: false, managerToken: tokens.get(b)! })
    const session = await a.stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price: (await priceOf(a, 'BOOK-101')).id, quantity: 1 }], success_url: 'https://shop.example/thanks' })
    await payOnPage(session.url!, '4242 4242 4242 4242', emailOf(a, 1))
    await shared.idle()
    expect(a.count('external_payment')).toBe(1)
    expect(b.count('external_payment')).toBe(0)
    expect(b.count('stripe_event', "type = 'checkout.session.completed' AND outcome = 'skipped'")).toBe(1)
  })
})
