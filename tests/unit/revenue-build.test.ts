import { describe, expect, it } from 'vitest'
import { buildCurrencies, type RevenueCourseRow, type RevenueDayRow } from '../../src/main/core/insight/revenue-build'
import { dayRanges } from '../../src/main/core/insight/days'

// The merge of this till's rows with the other tills' rows into one report: plain sums, per currency, never mixed.
const ranges = dayRanges('2026-10-20', '2026-10-21', 'UTC')
const day = (kind: RevenueDayRow['kind'], dayOf: string, currency: string, method: RevenueDayRow['method'], amount: number, n = 1): RevenueDayRow => ({ kind, day: dayOf, currency, method, amount, n })
const course = (currency: string, code: string, courseId: number | null, title: string, gross: number, refunds = 0): RevenueCourseRow => ({ currency, code, courseId, title, gross, refunds })

describe('buildCurrencies: two row sets, one report', () => {
  const thisTill = {
    days: [day('payment', '2026-10-20', 'GBP', 'cash', 4900), day('refund', '2026-10-21', 'GBP', 'cash', 100), day('payment', '2026-10-20', 'JPY', 'card', 6800)],
    courses: [course('GBP', 'EXCEL', 3, 'Excel', 4900, 100), course('JPY', 'SHODO', 9, 'Shodo', 6800)],
  }
  const otherTill = {
    days: [day('payment', '2026-10-20', 'GBP', 'cash', 3900, 2), day('refund', '2026-10-20', 'GBP', 'card', 1), day('payment', '2026-10-21', 'KWD', 'credit', 7250)],
    courses: [course('GBP', 'POT', null, 'Pottery', 1000, 1), course('GBP', 'EXCEL', 3, 'Excel', 2900), course('KWD', 'ARABIC', 12, 'Arabic', 7250)],
  }
  const [gbp, jpy, kwd] = buildCurrencies(ranges, [...thisTill.days, ...otherTill.days], [...thisTill.courses, ...otherTill.courses])

  it('adds days and methods per currency, counting payments and refunds', () => {
    expect([gbp, jpy, kwd].map((c) => [c!.currency, c!.gross, c!.refunds, c!.net, c!.payments, c!.refundCount])).toEqual([
      ['GBP', 8800, 101, 8699, 3, 2],
      ['JPY', 6800, 0, 6800, 1, 0],
      ['KWD', 7250, 0, 7250, 1, 0],
    ])
    expect(gbp!.days).toEqual([
      { day: '2026-10-20', gross: 8800, refunds: 1, net: 8799 },
      { day: '2026-10-21', gross: 0, refunds: 100, net: -100 },
    ])
    expect(gbp!.methods).toEqual([
      { method: 'card', gross: 0, refunds: 1, net: -1 },
      { method: 'cash', gross: 8800, refunds: 100, net: 8700 },
      { method: 'credit', gross: 0, refunds: 0, net: 0 },
    ])
  })

  it('makes one line of a course sold at both tills (same currency and code), largest net first', () => {
    expect(gbp!.courses).toEqual([
      { courseId: 3, code: 'EXCEL', title: 'Excel', gross: 7800, refunds: 100, net: 7700 },
      { courseId: null, code: 'POT', title: 'Pottery', gross: 1000, refunds: 1, net: 999 },
    ])
    expect(kwd!.courses).toEqual([{ courseId: 12, code: 'ARABIC', title: 'Arabic', gross: 7250, refunds: 0, net: 7250 }])
  })

  it("takes this till's course and title when one side knows the code and the other does not, whichever comes first", () => {
    const [merged] = buildCurrencies(ranges, [], [course('GBP', 'EXCEL', null, 'Excel (line title)', 10), course('GBP', 'EXCEL', 3, 'Excel', 20)])
    expect(merged!.courses).toEqual([{ courseId: 3, code: 'EXCEL', title: 'Excel', gross: 30, refunds: 0, net: 30 }])
  })

  it('keeps a code sold in two currencies as two lines, one per currency', () => {
    const currencies = buildCurrencies(ranges, [], [course('GBP', 'EXCEL', 3, 'Excel', 10), course('EUR', 'EXCEL', 3, 'Excel', 20)])
    expect(currencies.map((c) => [c.currency, c.courses.map((k) => k.gross)])).toEqual([
      ['EUR', [20]],
      ['GBP', [10]],
    ])
  })
})
