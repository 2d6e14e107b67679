import { describe, expect, it } from 'vitest'
import type { RevenueReport } from '../../src/shared/insight'
import { localDay } from '../../src/main/core/insight/days'
import { startTestTill, type TestTill } from '../helpers/test-till'
import { useShop, useShopTestTills } from './shop-fixtures'

// Reports across the shop (issue 16): a manager's Reports add the other tills' money, pulled from the shop
// database, beside this till's own — per till and per currency, in exact minor units, as of the last pull.
const shop = useShop()
const { till } = useShopTestTills(shop)

const courseIn = (t: TestTill, currency: string) =>
  t.till.ctx.db.prepare('SELECT id, price_amount AS price FROM course WHERE currency = ? AND active = 1 ORDER BY id LIMIT 1').get(currency) as { id: number; price: number }

async function cashSale(t: TestTill, currency: string) {
  const course = courseIn(t, currency)
  const order = await t.call('orders:create', { accountId: 1, courseIds: [course.id], confirmOwned: [course.id] })
  const paid = await t.call('orders:recordCash', { orderId: order.id, tendered: order.amount })
  return { order: paid, paymentId: paid.payments[0]!.id, price: course.price }
}

async function settle(all: TestTill[]) {
  for (let round = 0; round < 2; round++) for (const t of all) await t.till.shop!.settled()
}

describe('Reports across the shop', () => {
  it("adds the other tills' payments and refunds per till and currency, exactly, and the whole shop per currency", async () => {
    const [a, b] = [await till(), await till()]
    const gbp = await cashSale(a, 'GBP')
    const jpy = await cashSale(a, 'JPY')
    const kwd = await cashSale(a, 'KWD')
    await a.call('payments:refund', { managerToken: await a.managerToken(), paymentId: gbp.paymentId, amount: 1, reason: 'requested_by_customer' })
    // A card attempt never completed: not money, at A or anywhere.
    const eur = courseIn(a, 'EUR')
    const unpaid = await a.call('orders:create', { accountId: 1, courseIds: [eur.id], confirmOwned: [eur.id] })
    await a.call('payments:startCard', { orderId: unpaid.id })
    expect(a.count('payment', `order_id = ${unpaid.id} AND status <> 'succeeded'`)).toBe(1)
    const own = await cashSale(b, 'GBP')
    await settle([a, b])

    const today = localDay(Date.now(), 'UTC')
    const period = { from: today, to: today, timeZone: 'UTC' }
    const atA = await a.call('reports:revenue', period)
    const atB = await b.call('reports:revenue', period)
    // B sees A's money as A itself reports it, currency by currency (GBP 2 decimals, JPY 0, KWD 3).
    const ofA = (report: RevenueReport) => report.shop!.tills.filter((t) => t.installation === a.till.ctx.installationId)
    expect(ofA(atB).map(({ currency, gross, refunds, net, payments, refundCount }) => ({ currency, gross, refunds, net, payments, refundCount }))).toEqual(
      atA.currencies.map(({ currency, gross, refunds, net, payments, refundCount }) => ({ currency, gross, refunds, net, payments, refundCount })),
    )
    expect(ofA(atB).map((t) => [t.currency, t.gross, t.refunds])).toEqual([
      ['GBP', gbp.price, 1],
      ['JPY', jpy.price, 0],
      ['KWD', kwd.price, 0],
    ])
    expect(atB.currencies.map((c) => [c.currency, c.gross])).toEqual([['GBP', own.price]])
    expect(atB.shop!.wholeShop).toEqual([
      { currency: 'GBP', gross: gbp.price + own.price, refunds: 1, net: gbp.price + own.price - 1 },
      { currency: 'JPY', gross: jpy.price, refunds: 0, net: jpy.price },
      { currency: 'KWD', gross: kwd.price, refunds: 0, net: kwd.price },
    ])
    expect(atB.shop!.asOf).toEqual(expect.any(Number))
    // The currency filter applies to the other tills too.
    const jpyOnly = await b.call('reports:revenue', { ...period, currency: 'JPY' })
    expect(jpyOnly.shop!.tills.map((t) => t.currency)).toEqual(['JPY'])
    // A period with nothing in it: the other tills' money is not counted there.
    const yesterday = localDay(Date.now() - 86_400_000 * 2, 'UTC')
    expect((await b.call('reports:revenue', { from: yesterday, to: yesterday, timeZone: 'UTC' })).shop!.tills).toEqual([])
  })

  it('a till never in a shop reports as before, with no shop part', async () => {
    const alone = await startTestTill()
    try {
      const today = localDay(Date.now(), 'UTC')
      expect(await alone.call('reports:revenue', { from: today, to: today, timeZone: 'UTC' })).not.toHaveProperty('shop')
    } finally {
      await alone.close()
    }
  })
})
