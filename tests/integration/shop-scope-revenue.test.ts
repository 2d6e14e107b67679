import { describe, expect, it } from 'vitest'
import { revenueReport } from '../../src/main/core/insight/revenue'
import type { Db } from '../../src/main/core/store/db'
import type { CurrencyRevenue } from '../../src/shared/insight'
import { addAccount, addCourse } from '../helpers/temp-store'
import { insightStore } from './insight-fixtures'

// Reports for the whole shop on one store: this till's own sales through the real core, the other till's rows as
// the pull lands them (shop_*_copy). The shop scope must count the copies by the same rules as this till's money.
const at = (iso: string) => Date.parse(iso)
const ZONE = 'Europe/London'
const OTHER = 'other-till-0000000000000001'
const THIRD = 'other-till-0000000000000002'

function copyPayment(db: Db, p: { id: number; orderId: number; method: 'card' | 'cash' | 'credit'; amount: number; currency: string; at: number; status?: string; till?: string }) {
  db.prepare(
    `INSERT INTO shop_payment_copy (installation, payment_id, order_id, method, amount_received, currency, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.till ?? OTHER, p.id, p.orderId, p.method, p.amount, p.currency, p.status ?? 'succeeded', p.at)
}
function copyRefund(db: Db, r: { id: number; paymentId: number; amount: number; currency: string; at: number; status?: string }) {
  db.prepare(`INSERT INTO shop_refund_copy (installation, refund_id, payment_id, amount, currency, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    OTHER, r.id, r.paymentId, r.amount, r.currency, r.status ?? 'succeeded', r.at,
  )
}
function copyItems(db: Db, orderId: number, items: Array<[code: string, title: string, price: number]>, till = OTHER) {
  const insert = db.prepare(`INSERT INTO shop_order_item_copy (installation, item_id, order_id, course_code, title, unit_amount) VALUES (?, ?, ?, ?, ?, ?)`)
  for (const [code, title, price] of items) insert.run(till, orderId * 10 + items.findIndex((i) => i[0] === code), orderId, code, title, price)
}
const codeOf = (db: Db, courseId: number) => db.prepare('SELECT code FROM course WHERE id = ?').pluck().get(courseId) as string

const figures = (c: CurrencyRevenue | undefined) => c && { gross: c.gross, refunds: c.refunds, net: c.net, payments: c.payments, refundCount: c.refundCount }

describe('the whole shop in one report (scope shop)', () => {
  it("adds the other till's copies to every figure by the same rules: its days, methods and courses", async () => {
    const s = insightStore()
    const excel = addCourse(s.db, { price: 3900, currency: 'GBP', title: 'Excel' })
    const notes = addCourse(s.db, { price: 1000, currency: 'GBP', title: 'Notes' })
    const shodo = addCourse(s.db, { price: 6800, currency: 'JPY', title: 'Shodo' })
    const arabic = addCourse(s.db, { price: 7250, currency: 'KWD', title: 'Arabic' })
    const who = addAccount(s.db)
    const mine = s.sell(who, [excel], at('2026-10-20T10:00:00Z'))
    s.sell(who, [shodo], at('2026-10-21T10:00:00Z'))
    await s.refund(mine, 100, at('2026-10-22T10:00:00Z'))

    // The other till: Excel and a course this till has never heard of, paid by card on the 20th at 00:00 BST
    // (23:00 UTC the day before), part-refunded by £6.41; a discounted order (£30.00 for £10.00 + £39.00 of lines)
    // paid in cash; yen and dinars; a payment still processing and a failed refund, which are not money.
    copyItems(s.db, 7, [[codeOf(s.db, excel), 'Excel (old title)', 3900], ['POT-1', 'Pottery', 2500]])
    copyPayment(s.db, { id: 1, orderId: 7, method: 'card', amount: 6400, currency: 'GBP', at: at('2026-10-19T23:00:00.000Z') })
    copyRefund(s.db, { id: 1, paymentId: 1, amount: 641, currency: 'GBP', at: at('2026-10-22T09:00:00Z') })
    copyItems(s.db, 8, [[codeOf(s.db, notes), 'Notes (as sold then)', 1000], [codeOf(s.db, excel), 'Excel', 3900]])
    copyPayment(s.db, { id: 2, orderId: 8, method: 'cash', amount: 3000, currency: 'GBP', at: at('2026-10-21T12:00:00Z') })
    copyItems(s.db, 9, [[codeOf(s.db, shodo), 'Shodo', 6800]])
    copyPayment(s.db, { id: 3, orderId: 9, method: 'cash', amount: 6800, currency: 'JPY', at: at('2026-10-21T12:00:00Z') })
    copyRefund(s.db, { id: 2, paymentId: 3, amount: 3401, currency: 'JPY', at: at('2026-10-21T13:00:00Z') })
    copyItems(s.db, 10, [[codeOf(s.db, arabic), 'Arabic', 7250]])
    copyPayment(s.db, { id: 4, orderId: 10, method: 'credit', amount: 7250, currency: 'KWD', at: at('2026-10-22T12:00:00Z') })
    copyItems(s.db, 11, [[codeOf(s.db, arabic), 'Arabic', 7250]])
    copyPayment(s.db, { id: 5, orderId: 11, method: 'card', amount: 7250, currency: 'KWD', at: at('2026-10-22T12:00:00Z'), status: 'processing' })
    copyRefund(s.db, { id: 3, paymentId: 4, amount: 5, currency: 'KWD', at: at('2026-10-22T13:00:00Z'), status: 'failed' })
    // A third till whose ids are the same numbers as the other's (ids are per till): its order 8 and payments 1 and 2
    // are its own. Its order of 72.500 + 2.500 KWD is paid in two parts, 3.751 and 3.749, each split with a remainder.
    copyItems(s.db, 8, [[codeOf(s.db, arabic), 'Arabic', 7250], ['CAL-9', 'Calligraphy pens', 250]], THIRD)
    copyPayment(s.db, { id: 1, orderId: 8, method: 'cash', amount: 3751, currency: 'KWD', at: at('2026-10-21T08:00:00Z'), till: THIRD })
    copyPayment(s.db, { id: 2, orderId: 8, method: 'cash', amount: 3749, currency: 'KWD', at: at('2026-10-21T09:00:00Z'), till: THIRD })
    // Its order 7 is paid whole, at its prices: its line is not the other till's order 7.
    copyItems(s.db, 7, [[codeOf(s.db, arabic), 'Arabic', 7250]], THIRD)
    copyPayment(s.db, { id: 3, orderId: 7, method: 'cash', amount: 7250, currency: 'KWD', at: at('2026-10-22T08:00:00Z'), till: THIRD })
    // An order whose payment has arrived before all its lines (£10.00 + £39.00, only the £10.00 line pulled yet): the
    // money is all counted, on the lines that are here, until the rest arrive.
    copyItems(s.db, 13, [[codeOf(s.db, notes), 'Notes', 1000]])
    copyPayment(s.db, { id: 7, orderId: 13, method: 'cash', amount: 4900, currency: 'GBP', at: at('2026-10-21T15:00:00Z') })
    // The day before the period (23:59:59.999 BST on the 19th) does not count.
    copyItems(s.db, 12, [[codeOf(s.db, notes), 'Notes', 1000]])
    copyPayment(s.db, { id: 6, orderId: 12, method: 'cash', amount: 1000, currency: 'GBP', at: at('2026-10-19T22:59:59.999Z') })

    const period = { from: '2026-10-20', to: '2026-10-22', timeZone: ZONE }
    const till = revenueReport(s.db, period)
    const shop = revenueReport(s.db, { ...period, scope: 'shop' })
    expect([till.scope, shop.scope]).toEqual(['till', 'shop'])
    const [gbp, jpy, kwd] = shop.currencies
    expect(shop.currencies.map((c) => c.currency)).toEqual(['GBP', 'JPY', 'KWD'])
    expect(figures(gbp)).toEqual({ gross: 3900 + 6400 + 3000 + 4900, refunds: 100 + 641, net: 18200 - 741, payments: 4, refundCount: 2 })
    expect(figures(jpy)).toEqual({ gross: 6800 + 6800, refunds: 3401, net: 13600 - 3401, payments: 2, refundCount: 1 })
    expect(figures(kwd)).toEqual({ gross: 7250 + 7500 + 7250, refunds: 0, net: 22000, payments: 4, refundCount: 0 })
    // Days in London time: the other till's card payment at 23:00 UTC on the 19th is the 20th's.
    expect(gbp!.days).toEqual([
      { day: '2026-10-20', gross: 3900 + 6400, refunds: 0, net: 10300 },
      { day: '2026-10-21', gross: 3000 + 4900, refunds: 0, net: 7900 },
      { day: '2026-10-22', gross: 0, refunds: 741, net: -741 },
    ])
    // A refund counts under the method of the payment it returns: the £6.41 under card, this till's cash refund under cash.
    expect(gbp!.methods).toEqual([
      { method: 'card', gross: 6400, refunds: 641, net: 5759 },
      { method: 'cash', gross: 3900 + 3000 + 4900, refunds: 100, net: 11700 },
      { method: 'credit', gross: 0, refunds: 0, net: 0 },
    ])
    expect(kwd!.methods.filter((m) => m.gross > 0)).toEqual([
      { method: 'cash', gross: 7500 + 7250, refunds: 0, net: 14750 },
      { method: 'credit', gross: 7250, refunds: 0, net: 7250 },
    ])
    // 3.751 is 3.625966… + 0.125033…: the last fils to Arabic; 3.749 is 3.624033… + 0.124966…: to the pens.
    expect(kwd!.courses).toEqual([
      { courseId: arabic, code: codeOf(s.db, arabic), title: 'Arabic', gross: 7250 + 3626 + 3624 + 7250, refunds: 0, net: 21750 },
      { courseId: null, code: 'CAL-9', title: 'Calligraphy pens', gross: 125 + 125, refunds: 0, net: 250 },
    ])
    // Per course, by code: Excel once with both tills' money and this till's title; Notes, sold only at the other
    // till, under this till's title too; Pottery, unknown here, under the line's title. The discounted £30.00 is
    // split by item price (1000 : 3900, largest remainder: 612 and 2388);
    // the £6.41 refund of £39.00 + £25.00 is 390.59… : 250.39…, so its last penny goes to Excel's larger remainder.
    expect(gbp!.courses.map((c) => [c.code === codeOf(s.db, excel) ? 'excel' : c.code === codeOf(s.db, notes) ? 'notes' : c.code, c.courseId, c.title, c.gross, c.refunds])).toEqual([
      ['excel', excel, 'Excel', 3900 + 3900 + 2388, 100 + 391],
      ['notes', notes, 'Notes', 612 + 4900, 0],
      ['POT-1', null, 'Pottery', 2500, 250],
    ])
    for (const revenue of shop.currencies) {
      expect(revenue.courses.reduce((sum, c) => sum + c.gross, 0)).toBe(revenue.gross)
      expect(revenue.courses.reduce((sum, c) => sum + c.refunds, 0)).toBe(revenue.refunds)
      expect(revenue.methods.reduce((sum, m) => sum + m.net, 0)).toBe(revenue.net)
      expect(revenue.days.reduce((sum, d) => sum + d.net, 0)).toBe(revenue.net)
    }
    // This till's own report is untouched by the copies; a currency filter applies to the copies too.
    expect(till.currencies.map((c) => [c.currency, c.gross, c.refunds])).toEqual([['GBP', 3900, 100], ['JPY', 6800, 0]])
    expect(revenueReport(s.db, { ...period, scope: 'shop', currency: 'KWD' }).currencies).toEqual([kwd])
  })
})
