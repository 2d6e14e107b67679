import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revenueReport } from '../../src/main/core/insight/revenue'
import type { Db } from '../../src/main/core/store/db'
import { addDays, type CurrencyRevenue } from '../../src/shared/insight'
import { addAccount, addCourse, snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { insightStore } from './insight-fixtures'

const at = (iso: string) => Date.parse(iso)
const ZONE = 'Europe/London'

/** Independent of the code under test: every succeeded row, put on its local day by Intl, summed per currency. */
function bruteForce(db: Db, from: string, to: string, timeZone: string) {
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const totals = new Map<string, { gross: number; refunds: number; days: Map<string, { gross: number; refunds: number }> }>()
  const add = (currency: string, when: number, field: 'gross' | 'refunds', amount: number) => {
    const day = dayOf.format(when)
    if (day < from || day > to) return
    const total = totals.get(currency) ?? { gross: 0, refunds: 0, days: new Map() }
    totals.set(currency, total)
    const bucket = total.days.get(day) ?? { gross: 0, refunds: 0 }
    total.days.set(day, bucket)
    total[field] += amount
    bucket[field] += amount
  }
  for (const p of db.prepare("SELECT currency, amount_received AS amount, updated_at AS at FROM payment WHERE status = 'succeeded'").all() as Array<{ currency: string; amount: number; at: number }>) add(p.currency, p.at, 'gross', p.amount)
  for (const r of db.prepare("SELECT currency, amount, updated_at AS at FROM refund WHERE status = 'succeeded'").all() as Array<{ currency: string; amount: number; at: number }>) add(r.currency, r.at, 'refunds', r.amount)
  return totals
}

function expectMatchesBruteForce(currencies: CurrencyRevenue[], brute: ReturnType<typeof bruteForce>) {
  expect(currencies.map((c) => c.currency)).toEqual([...brute.keys()].sort())
  for (const revenue of currencies) {
    const expected = brute.get(revenue.currency)!
    expect({ gross: revenue.gross, refunds: revenue.refunds, net: revenue.net }).toEqual({ gross: expected.gross, refunds: expected.refunds, net: expected.gross - expected.refunds })
    const nonZeroDays = revenue.days.filter((d) => d.gross !== 0 || d.refunds !== 0).map((d) => [d.day, { gross: d.gross, refunds: d.refunds }])
    expect(Object.fromEntries(nonZeroDays)).toEqual(Object.fromEntries(expected.days))
    for (const day of revenue.days) expect(day.net).toBe(day.gross - day.refunds)
    // The course bars add up to the same totals: nothing lost or invented by the split per course.
    expect(revenue.courses.reduce((sum, c) => sum + c.gross, 0)).toBe(revenue.gross)
    expect(revenue.courses.reduce((sum, c) => sum + c.refunds, 0)).toBe(revenue.refunds)
    // And so does the split by method (card, cash, credit).
    expect(revenue.methods.reduce((sum, m) => sum + m.gross, 0)).toBe(revenue.gross)
    expect(revenue.methods.reduce((sum, m) => sum + m.refunds, 0)).toBe(revenue.refunds)
  }
}

describe('revenue report', () => {
  it('sums per local day and currency (GBP, JPY, KWD) exactly like a brute force, across the October clock change', async () => {
    const s = insightStore()
    const gbp = [addCourse(s.db, { price: 4900, currency: 'GBP', title: 'Bookkeeping' }), addCourse(s.db, { price: 3900, currency: 'GBP', title: 'Excel' }), addCourse(s.db, { price: 1000, currency: 'GBP', title: 'Notes' })]
    const jpy = [addCourse(s.db, { price: 6800, currency: 'JPY', title: 'Shodo' }), addCourse(s.db, { price: 1234, currency: 'JPY', title: 'Origami' })]
    const kwd = [addCourse(s.db, { price: 15000, currency: 'KWD', title: 'Calligraphy' }), addCourse(s.db, { price: 7250, currency: 'KWD', title: 'Arabic' })]
    const amelia = addAccount(s.db, 'Amelia')
    const jonas = addAccount(s.db, 'Jonas')

    s.sell(amelia, [gbp[0]!], at('2026-10-19T22:59:59.999Z')) // 23:59 BST on the 19th: before the period
    s.sell(amelia, [gbp[1]!], at('2026-10-19T23:00:00.000Z')) // 00:00 BST on the 20th: its first instant
    const early = s.sell(jonas, [gbp[0]!, gbp[1]!], at('2026-10-21T23:30:00Z')) // 00:30 BST on the 22nd (UTC says the 21st)
    s.sell(jonas, [gbp[0]!], at('2026-10-25T00:30:00Z')) // 01:30 BST, before the clocks go back
    const late = s.sell(amelia, [gbp[1]!], at('2026-10-25T23:30:00Z')) // 23:30 GMT, still the 25th
    s.sell(jonas, gbp, at('2026-10-27T12:00:00Z'), 1000) // a part payment of a three-course order
    const yen = s.sell(amelia, jpy, at('2026-10-24T12:00:00Z'), 5000)
    const yen2 = s.sell(jonas, [jpy[0]!], at('2026-11-02T10:00:00Z'))
    const dinar = s.sell(amelia, kwd, at('2026-10-30T08:00:00Z'))
    s.sell(jonas, [kwd[0]!], at('2026-11-03T00:30:00Z')) // after the period
    await s.refund(early, 1000, at('2026-10-26T10:00:00Z'))
    await s.refund(dinar, 5000, at('2026-11-01T12:00:00Z'))
    await s.refund(yen2, 6800, at('2026-11-02T11:00:00Z'))
    await s.refund(yen, 1, at('2026-11-02T23:59:00Z')) // 23:59 GMT on the 2nd: inside
    await s.refund(late, 100, at('2026-11-05T10:00:00Z')) // after the period

    const report = revenueReport(s.db, { from: '2026-10-20', to: '2026-11-02', timeZone: ZONE })
    expect(report.currencies.map((c) => c.days.length)).toEqual([14, 14, 14])
    expectMatchesBruteForce(report.currencies, bruteForce(s.db, '2026-10-20', '2026-11-02', ZONE))

    const [gbpRevenue, jpyRevenue, kwdRevenue] = report.currencies
    expect(gbpRevenue).toMatchObject({ currency: 'GBP', gross: 3900 + 8800 + 4900 + 3900 + 1000, refunds: 1000, payments: 5, refundCount: 1 })
    expect(gbpRevenue!.days.find((d) => d.day === '2026-10-22')).toEqual({ day: '2026-10-22', gross: 8800, refunds: 0, net: 8800 })
    expect(gbpRevenue!.days.find((d) => d.day === '2026-10-25')).toEqual({ day: '2026-10-25', gross: 4900 + 3900, refunds: 0, net: 8800 })
    expect(jpyRevenue).toMatchObject({ currency: 'JPY', gross: 11800, refunds: 6801, net: 4999 })
    expect(kwdRevenue).toMatchObject({ currency: 'KWD', gross: 22250, refunds: 5000, net: 17250 })
    // £10.00 of a £98.00 order, split 49 : 39 : 10 by largest remainder: 5.00, 3.98, 1.02.
    const byTitle = Object.fromEntries(gbpRevenue!.courses.map((c) => [c.title, c]))
    expect(byTitle.Notes).toMatchObject({ gross: 102 })
    expect(byTitle.Excel!.gross).toBe(3900 + 3900 * 8800 / 8800 + 3900 + 398)
    expect(byTitle.Bookkeeping!.gross).toBe(4900 + 4900 + 500)
    expect(gbpRevenue!.courses.map((c) => c.net)).toEqual([...gbpRevenue!.courses.map((c) => c.net)].sort((a, b) => b - a))
  })

  it('reports one currency when asked, and nothing for a quiet period', async () => {
    const s = insightStore()
    const gbp = addCourse(s.db, { price: 4900, currency: 'GBP' })
    const jpy = addCourse(s.db, { price: 6800, currency: 'JPY' })
    const who = addAccount(s.db)
    s.sell(who, [gbp], at('2026-11-20T10:00:00Z'))
    s.sell(who, [jpy], at('2026-11-20T11:00:00Z'))
    const both = revenueReport(s.db, { from: '2026-11-20', to: '2026-11-21', timeZone: 'Asia/Tokyo' })
    const yen = revenueReport(s.db, { from: '2026-11-20', to: '2026-11-21', timeZone: 'Asia/Tokyo', currency: 'JPY' })
    expect(yen.currencies).toEqual([both.currencies.find((c) => c.currency === 'JPY')])
    expect(yen.currencies[0]!.days).toEqual([
      { day: '2026-11-20', gross: 6800, refunds: 0, net: 6800 },
      { day: '2026-11-21', gross: 0, refunds: 0, net: 0 },
    ])
    expect(revenueReport(s.db, { from: '2026-01-01', to: '2026-01-31', timeZone: 'UTC' }).currencies).toEqual([])
    expect(revenueReport(s.db, { from: '2026-11-20', to: '2026-11-20', timeZone: 'UTC', currency: 'KWD' }).currencies).toEqual([])
  })
})

describe('reports:revenue through the API', () => {
  let t: TestTill
  beforeAll(async () => {
    t = await startTestTill()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('refuses bad periods, zones and currencies with a clear message and writes nothing', async () => {
    const before = snapshot(t.till.ctx.db)
    const good = { from: '2026-11-01', to: '2026-11-21', timeZone: 'Europe/London' }
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...good, from: '2026-02-30' }, /from: a date as YYYY-MM-DD$/],
      [{ ...good, to: '21/11/2026' }, /to: a date as YYYY-MM-DD$/],
      [{ ...good, from: '2026-11-22' }, /"to" is before "from"/],
      [{ ...good, from: '2025-01-01' }, /at most 366 days/],
      [{ ...good, timeZone: 'Mars/Olympus' }, /IANA time zone/],
      [{ ...good, currency: 'gbp' }, /ISO currency code/],
      [{ ...good, extra: 1 }, /Unrecognized key/i],
      [{ ...good, scope: 'everywhere' }, /scope: .*"till"\|"shop"/],
    ]
    for (const [input, message] of cases) {
      await expect(t.call('reports:revenue', input as never)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) })
    }
    expect(snapshot(t.till.ctx.db)).toBe(before)
    const year = await t.call('reports:revenue', { from: '2025-11-21', to: '2026-11-21', timeZone: 'UTC' })
    expect(year.currencies).toEqual([])
  })

  it('counts a card sale once it succeeds and its card refund once Stripe confirms it, like the brute force', async () => {
    const order = t.order([1, 2])
    const declined = t.order([3])
    for (const [id, card] of [[order.id, 'pm_card_visa'], [declined.id, 'pm_card_chargeDeclinedInsufficientFunds']] as const) {
      const checkout = await t.call('payments:startCard', { orderId: id })
      await payAs(t.stripe, checkout.paymentIntentId, card)
    }
    await t.deliveriesSettled()
    const yen = t.order([9])
    await t.call('orders:recordCash', { orderId: yen.id, tendered: 10000 })
    const paymentId = t.detail(order.id).payments[0]!.id
    await t.call('payments:refund', { paymentId, amount: 1234, reason: 'requested_by_customer', managerToken: await t.managerToken() })
    await t.deliveriesSettled()
    expect(t.detail(declined.id).status).toBe('failed')

    // Yesterday to tomorrow: a run at midnight still finds every row.
    const today = new Date().toISOString().slice(0, 10)
    const [from, to] = [addDays(today, -1), addDays(today, 1)]
    const report = await t.call('reports:revenue', { from, to, timeZone: 'UTC' })
    expectMatchesBruteForce(report.currencies, bruteForce(t.till.ctx.db, from, to, 'UTC'))
    expect(report.currencies.map((c) => [c.currency, c.gross, c.refunds, c.net, c.payments])).toEqual([
      ['GBP', 8800, 1234, 7566, 1],
      ['JPY', 6800, 0, 6800, 1],
    ])
  })
})
