import { describe, expect, it } from 'vitest'
import type { CurrencyRevenue, RevenueReport } from '../../src/shared/insight'
import { addDays, type RevenueFigures } from '../../src/shared/insight'
import { dayRanges, localDay } from '../../src/main/core/insight/days'
import type { TestTill } from '../helpers/test-till'
import { useShop, useShopTestTills } from './shop-fixtures'

// Reports with scope 'shop' (issue 16): every figure of the report — totals, days, methods, courses — is this
// till's money plus the other tills', read from the copies pulled from the shop database. Two tills on one
// real PostgreSQL, sales in GBP (2 decimals), JPY (0) and KWD (3) and a refund at each till.
const shop = useShop()
const { till } = useShopTestTills(shop)

const coursesIn = (t: TestTill, currency: string) =>
  t.till.ctx.db.prepare('SELECT id, code FROM course WHERE currency = ? AND active = 1 ORDER BY id LIMIT 2').all(currency) as Array<{ id: number; code: string }>
const idOf = (t: TestTill, code: string) => t.till.ctx.db.prepare('SELECT id FROM course WHERE code = ?').pluck().get(code) as number

async function cashSale(t: TestTill, courseIds: number[]) {
  const order = await t.call('orders:create', { accountId: 1, courseIds, confirmOwned: courseIds })
  return (await t.call('orders:recordCash', { orderId: order.id, tendered: order.amount })).payments[0]!.id
}
async function refund(t: TestTill, paymentId: number, amount: number) {
  await t.call('payments:refund', { managerToken: await t.managerToken(), paymentId, amount, reason: 'requested_by_customer' })
}
async function settle(all: TestTill[]) {
  for (let round = 0; round < 2; round++) for (const t of all) await t.till.shop!.settled()
}

const sum = (parts: Array<RevenueFigures | undefined>): RevenueFigures => {
  const gross = parts.reduce((total, p) => total + (p?.gross ?? 0), 0)
  const refunds = parts.reduce((total, p) => total + (p?.refunds ?? 0), 0)
  return { gross, refunds, net: gross - refunds }
}
const figuresOf = (f: RevenueFigures | undefined): RevenueFigures => ({ gross: f?.gross ?? 0, refunds: f?.refunds ?? 0, net: f?.net ?? 0 })
const inCurrency = (report: RevenueReport, currency: string) => report.currencies.find((c) => c.currency === currency)
const courseByCode = (revenue: CurrencyRevenue | undefined, code: string) => revenue?.courses.find((c) => c.code === code)

describe('Reports for the whole shop (scope shop)', () => {
  it("counts both tills' money in every figure, exactly, and a course sold at both tills once", async () => {
    const [a, b] = [await till(), await till()]
    const [gbpOne, gbpTwo] = coursesIn(a, 'GBP')
    const [jpy] = coursesIn(a, 'JPY')
    const [kwd] = coursesIn(a, 'KWD')
    // Till A: one GBP course alone, two GBP courses in one order refunded by an odd amount (split per course by
    // largest remainder), yen, dinars with a refund of one fils. Till B: the same GBP course, yen refunded by one yen.
    await cashSale(a, [gbpOne!.id])
    await refund(a, await cashSale(a, [gbpOne!.id, gbpTwo!.id]), 333)
    await cashSale(a, [jpy!.id])
    await refund(a, await cashSale(a, [kwd!.id]), 1)
    await cashSale(b, [idOf(b, gbpOne!.code)])
    await refund(b, await cashSale(b, [idOf(b, jpy!.code)]), 1)
    await cashSale(b, [idOf(b, kwd!.code)])
    await settle([a, b])

    const today = localDay(Date.now(), 'UTC')
    // Yesterday to tomorrow: a run at midnight still finds every row.
    const period = { from: addDays(today, -1), to: addDays(today, 1), timeZone: 'UTC' }
    const ofA = await a.call('reports:revenue', period)
    const ofB = await b.call('reports:revenue', { ...period, scope: 'till' })
    const whole = await b.call('reports:revenue', { ...period, scope: 'shop' })
    expect([ofA.scope, ofB.scope, whole.scope]).toEqual(['till', 'till', 'shop'])
    expect(whole.currencies.map((c) => c.currency)).toEqual(['GBP', 'JPY', 'KWD'])

    for (const currency of ['GBP', 'JPY', 'KWD']) {
      const [mine, theirs, all] = [inCurrency(ofB, currency), inCurrency(ofA, currency), inCurrency(whole, currency)!]
      expect(figuresOf(all), currency).toEqual(sum([mine, theirs]))
      expect(all.payments).toBe((mine?.payments ?? 0) + (theirs?.payments ?? 0))
      expect(all.refundCount).toBe((mine?.refundCount ?? 0) + (theirs?.refundCount ?? 0))
      for (const day of all.days) {
        expect(figuresOf(day), `${currency} ${day.day}`).toEqual(sum([mine?.days.find((d) => d.day === day.day), theirs?.days.find((d) => d.day === day.day)]))
      }
      for (const method of all.methods) {
        expect(figuresOf(method), `${currency} ${method.method}`).toEqual(sum([mine?.methods.find((m) => m.method === method.method), theirs?.methods.find((m) => m.method === method.method)]))
      }
      // Per course by code: A's own split (no discounts here) plus B's, each course once.
      const codes = new Set([...(mine?.courses ?? []), ...(theirs?.courses ?? [])].map((c) => c.code))
      expect(all.courses.map((c) => c.code).sort()).toEqual([...codes].sort())
      for (const course of all.courses) {
        expect(figuresOf(course), `${currency} ${course.code}`).toEqual(sum([courseByCode(mine, course.code), courseByCode(theirs, course.code)]))
        expect(course.courseId).toBe(idOf(b, course.code))
      }
      expect(sum(all.courses)).toEqual(figuresOf(all))
    }

    // The course sold at both tills: one line, with money from each.
    const both = inCurrency(whole, 'GBP')!.courses.filter((c) => c.code === gbpOne!.code)
    expect(both).toHaveLength(1)
    expect(courseByCode(inCurrency(ofA, 'GBP'), gbpOne!.code)!.gross).toBeGreaterThan(0)
    expect(courseByCode(inCurrency(ofB, 'GBP'), gbpOne!.code)!.gross).toBeGreaterThan(0)

    // Exact sums equal a query over both stores (succeeded money in the period, per currency), independent of the code under test.
    const range = dayRanges(period.from, period.to, 'UTC')
    const [start, end] = [range[0]!.start, range.at(-1)!.end]
    const storeSums = (t: TestTill) =>
      t.till.ctx.db
        .prepare(
          `SELECT currency, sum(gross) AS gross, sum(refunds) AS refunds, sum(gross) - sum(refunds) AS net FROM (
             SELECT currency, amount_received AS gross, 0 AS refunds FROM payment WHERE status = 'succeeded' AND updated_at >= @start AND updated_at < @end
             UNION ALL SELECT currency, 0, amount FROM refund WHERE status = 'succeeded' AND updated_at >= @start AND updated_at < @end)
           GROUP BY currency ORDER BY currency`,
        )
        .all({ start, end }) as Array<RevenueFigures & { currency: string }>
    const [sumsA, sumsB] = [storeSums(a), storeSums(b)]
    expect(whole.currencies.map((c) => ({ currency: c.currency, ...figuresOf(c) }))).toEqual(
      ['GBP', 'JPY', 'KWD'].map((currency) => ({ currency, ...sum([sumsA.find((s) => s.currency === currency), sumsB.find((s) => s.currency === currency)]) })),
    )
    expect(whole.currencies.find((c) => c.currency === 'KWD')!.refunds).toBe(1)

    // How fresh the other till's part is: the last complete pull; the shop panel's whole shop is the report's own totals.
    const pulledAt = b.till.ctx.db.prepare('SELECT pulled_at FROM shop_sync_state').pluck().get() as number
    expect(whole.shop!.asOf).toBe(pulledAt)
    expect(whole.shop!.wholeShop).toEqual(whole.currencies.map((c) => ({ currency: c.currency, ...figuresOf(c) })))
    expect((await b.call('reports:revenue', period)).shop!.wholeShop).toEqual(whole.shop!.wholeShop)
    // Both tills see the same whole shop.
    const wholeAtA = await a.call('reports:revenue', { ...period, scope: 'shop' })
    expect(wholeAtA.currencies.map((c) => [c.currency, c.gross, c.refunds, c.days, c.methods])).toEqual(whole.currencies.map((c) => [c.currency, c.gross, c.refunds, c.days, c.methods]))
  })
})
