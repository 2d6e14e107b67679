import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { orderMoney } from '../../src/shared/order-rules'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { useShop } from './shop-fixtures'

// Another till's order and a customer's orders across the shop (issue 16), read offline at a manager's till from
// the copies it pulled: what it shows is exactly what the selling till holds — lines, payments with their
// PaymentIntent, refunds, paid and refunded in the currency's minor units (KWD has three decimals, JPY none).
const shop = useShop()
const tills: TestTill[] = []
afterAll(async () => {
  await Promise.all(tills.map((t) => t.close()))
})

async function till() {
  const started = await startTestTill({ env: { COURSETILL_SHOP_DATABASE_URL: shop.cluster.url } })
  tills.push(started)
  await started.managerToken()
  return started
}

async function settle(all: TestTill[]) {
  for (let round = 0; round < 2; round++) for (const t of all) await t.till.shop!.settled()
}

const accountByEmail = (t: TestTill, email: string) => t.till.ctx.db.prepare('SELECT id FROM account WHERE email = ? COLLATE NOCASE').pluck().get(email) as number

/** The selling till's own rows for an order, in the shape the copy is read in. */
function heldAt(t: TestTill, orderId: number) {
  const { db } = t.till.ctx
  return {
    items: db
      .prepare(
        `SELECT i.id AS itemId, i.title, c.code AS courseCode, i.unit_amount AS unitAmount
           FROM purchase_order_item i JOIN course c ON c.id = i.course_id WHERE i.order_id = ? ORDER BY i.id`,
      )
      .all(orderId),
    payments: db
      .prepare(
        `SELECT id AS paymentId, method, amount_received AS amountReceived, currency, status, stripe_payment_intent_id AS stripePaymentIntentId
           FROM payment WHERE order_id = ? ORDER BY id`,
      )
      .all(orderId),
    refunds: db
      .prepare(
        `SELECT r.id AS refundId, r.payment_id AS paymentId, r.amount, r.currency, r.status
           FROM refund r JOIN payment p ON p.id = r.payment_id WHERE p.order_id = ? ORDER BY r.id`,
      )
      .all(orderId),
  }
}

const withoutTimes = <T extends { updatedAt: number }>(rows: T[]) => rows.map(({ updatedAt: _, ...rest }) => rest)

let a: TestTill
let b: TestTill
let c: TestTill
let kwd: { id: number }
let gbp: { id: number }
let jpy: { id: number }
const FATIMA = 'fatima.alsabah@example.com'

beforeAll(async () => {
  ;[a, b, c] = [await till(), await till(), await till()]
  // At A: a KWD order paid part cash, the rest by card, then part of the card refunded (KWD refunds by Stripe end in 0); a GBP order of two courses.
  kwd = a.order([11], accountByEmail(a, FATIMA))
  await a.call('orders:recordCash', { orderId: kwd.id, tendered: 5120 })
  const checkout = await a.call('payments:startCard', { orderId: kwd.id })
  await payAs(a.stripe, checkout.paymentIntentId, 'pm_card_visa')
  await a.deliveriesSettled()
  const card = a.detail(kwd.id).payments.find((p) => p.method === 'card')!
  await a.call('payments:refund', { managerToken: await a.managerToken(), paymentId: card.id, amount: 1010, reason: 'requested_by_customer' })
  await a.deliveriesSettled()
  gbp = a.order([1, 2], accountByEmail(a, FATIMA))
  await a.call('orders:recordCash', { orderId: gbp.id, tendered: 4900 + 3900 })
  // At C: a JPY order, with the same local order id as A's first one (ids are per till).
  jpy = c.order([9], accountByEmail(c, FATIMA))
  await c.call('orders:recordCash', { orderId: jpy.id, tendered: 6800 })
  await settle([a, b, c])
}, 120_000)

describe("another till's order, read at a manager's till", () => {
  it('is what the selling till holds: lines, payments with their PaymentIntent, refunds, paid and refunded (KWD)', async () => {
    const atA = a.detail(kwd.id)
    const copy = await b.call('shop:order', { installation: a.till.ctx.installationId, orderId: kwd.id })
    expect(copy).toMatchObject({
      installation: a.till.ctx.installationId,
      orderId: kwd.id,
      email: FATIMA,
      customerName: 'Fatima Al-Sabah',
      amount: 15000,
      currency: 'KWD',
      status: atA.status,
      kind: 'sale',
      createdAt: atA.createdAt,
      customerId: accountByEmail(b, FATIMA),
      asOf: b.till.ctx.db.prepare('SELECT pulled_at FROM shop_sync_state').pluck().get(),
    })
    expect(copy.asOf).toEqual(expect.any(Number))
    const { paid, refunded } = orderMoney(atA)
    expect({ paid: copy.paid, refunded: copy.refunded }).toEqual({ paid, refunded })
    expect([paid, refunded]).toEqual([15000, 1010])
    const held = heldAt(a, kwd.id)
    expect({ items: copy.items, payments: withoutTimes(copy.payments), refunds: withoutTimes(copy.refunds) }).toEqual(held)
    expect(copy.payments.map((p) => [p.method, p.amountReceived, p.status])).toEqual([
      ['cash', 5120, 'succeeded'],
      ['card', 9880, 'succeeded'],
    ])
    expect(copy.payments[1]!.stripePaymentIntentId).toMatch(/^pi_/)
    expect(copy.refunds.map((r) => [r.amount, r.status])).toEqual([[1010, 'succeeded']])
  })

  it("keeps each till's order apart though their local ids are the same (A's and C's first orders)", async () => {
    expect(jpy.id).toBe(kwd.id)
    const atC = await b.call('shop:order', { installation: c.till.ctx.installationId, orderId: jpy.id })
    expect(atC).toMatchObject({ amount: 6800, currency: 'JPY', paid: 6800, refunded: 0 })
    expect({ items: atC.items, payments: withoutTimes(atC.payments), refunds: withoutTimes(atC.refunds) }).toEqual(heldAt(c, jpy.id))
    const twoLines = await b.call('shop:order', { installation: a.till.ctx.installationId, orderId: gbp.id })
    expect(twoLines.items.map((i) => [i.courseCode, i.unitAmount])).toEqual([
      ['BOOK-101', 4900],
      ['XLS-110', 3900],
    ])
    expect(twoLines).toMatchObject({ currency: 'GBP', paid: 8800, refunded: 0, refunds: [] })
  })

  it('is not found for an order or a till it does not hold, and refuses a malformed request', async () => {
    const before = snapshot(b.till.ctx.db)
    const notFound = [
      { installation: a.till.ctx.installationId, orderId: 999_999 },
      { installation: 'f'.repeat(32), orderId: kwd.id },
      // A till's own orders are its own history, not copies.
      { installation: b.till.ctx.installationId, orderId: 1 },
    ]
    for (const input of notFound) {
      await expect(b.call('shop:order', input)).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/^No order #\d+ from till [a-f0-9]{8} is held here/) })
    }
    const invalid = [
      { installation: 'abc', orderId: 1 },
      { installation: 'a'.repeat(65), orderId: 1 },
      { installation: a.till.ctx.installationId.toUpperCase(), orderId: 1 },
      { installation: `${a.till.ctx.installationId.slice(0, 20)}/../x`, orderId: 1 },
      { installation: a.till.ctx.installationId, orderId: 0 },
      { installation: a.till.ctx.installationId, orderId: -3 },
      { installation: a.till.ctx.installationId, orderId: 1.5 },
      { installation: a.till.ctx.installationId, orderId: '1' },
      { installation: a.till.ctx.installationId, orderId: 1, extra: true },
    ]
    for (const input of invalid) {
      await expect(b.call('shop:order', input as never), JSON.stringify(input)).rejects.toMatchObject({ code: 'invalid_input' })
    }
    expect(snapshot(b.till.ctx.db)).toBe(before)
  })
})

describe("a customer's orders at the other tills", () => {
  it('are found by email whatever its case, newest first, capped, with totals per currency kept apart', async () => {
    const fatimaAtB = accountByEmail(b, FATIMA)
    // Emails from before they were stored lower-cased, or typed so at another till: the same person.
    b.till.ctx.db.prepare('UPDATE account SET email = ? WHERE id = ?').run('Fatima.AlSabah@Example.COM', fatimaAtB)
    expect(b.till.ctx.db.prepare('SELECT email FROM account WHERE id = ?').pluck().get(fatimaAtB)).not.toBe(FATIMA)
    const all = await b.call('shop:customerOrders', { customerId: fatimaAtB })
    expect(all.rows.map((r) => [r.installation, r.orderId])).toEqual(
      [
        [c.till.ctx.installationId, jpy.id, c.detail(jpy.id).createdAt],
        [a.till.ctx.installationId, gbp.id, a.detail(gbp.id).createdAt],
        [a.till.ctx.installationId, kwd.id, a.detail(kwd.id).createdAt],
      ]
        .sort((x, y) => (y[2] as number) - (x[2] as number))
        .map(([installation, orderId]) => [installation, orderId]),
    )
    expect(all.total).toBe(3)
    expect(all.totals).toEqual([
      { currency: 'GBP', orders: 1, paid: 8800, refunded: 0, net: 8800 },
      { currency: 'JPY', orders: 1, paid: 6800, refunded: 0, net: 6800 },
      { currency: 'KWD', orders: 1, paid: 15000, refunded: 1010, net: 13990 },
    ])
    expect(all.asOf).toEqual(expect.any(Number))
    const latest = await b.call('shop:customerOrders', { customerId: fatimaAtB, limit: 1 })
    expect(latest).toMatchObject({ rows: [all.rows[0]], total: 3 })
    // This till's own totals for her do not include the other tills.
    expect((await b.call('customers:get', { customerId: fatimaAtB })).totals).toEqual([])
    // Another customer has none of hers.
    expect(await b.call('shop:customerOrders', { customerId: accountByEmail(b, 'amelia.hart@example.com') })).toMatchObject({ rows: [], total: 0, totals: [] })
  })

  it('is not found for an unknown customer and refuses a malformed request', async () => {
    await expect(b.call('shop:customerOrders', { customerId: 424_242 })).rejects.toMatchObject({ code: 'not_found', message: 'Customer 424242 does not exist' })
    for (const input of [{ customerId: 0 }, { customerId: 1, limit: 0 }, { customerId: 1, limit: 101 }, { customerId: 1, email: FATIMA }]) {
      await expect(b.call('shop:customerOrders', input as never), JSON.stringify(input)).rejects.toMatchObject({ code: 'invalid_input' })
    }
  })
})
