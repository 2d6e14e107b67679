import { PAYMENT_METHODS, type PaymentMethod } from '@shared/domain'
import type { CurrencyRevenue, RevenueCourse } from '@shared/insight'
import type { DayRange } from './days'

// The report's figures from rows of money already bucketed by SQL: per day and method, and per course. The rows
// may come from more than one store (this till's own tables and, for the whole shop, the copies of the other
// tills' rows): every figure is a plain sum of them, so the whole shop is exactly this till plus the others.

/** Succeeded payments (or refunds) of one currency and method that moved on one day of the report. */
export interface RevenueDayRow {
  kind: 'payment' | 'refund'
  day: string
  currency: string
  method: PaymentMethod
  amount: number
  n: number
}

/** One course's share of the period's money in one currency; a course is one course at every till by its code. */
export interface RevenueCourseRow {
  currency: string
  code: string
  courseId: number | null
  title: string
  gross: number
  refunds: number
}

/** Gross, refunds and net per currency, day, method and course, from any number of row sets added together. */
export function buildCurrencies(ranges: readonly DayRange[], dayRows: readonly RevenueDayRow[], courseRows: readonly RevenueCourseRow[]): CurrencyRevenue[] {
  const byCurrency = new Map<string, CurrencyRevenue>()
  const entry = (code: string) => {
    let found = byCurrency.get(code)
    if (!found) {
      found = {
        currency: code,
        gross: 0,
        refunds: 0,
        net: 0,
        payments: 0,
        refundCount: 0,
        courses: [],
        days: ranges.map((r) => ({ day: r.day, gross: 0, refunds: 0, net: 0 })),
        methods: PAYMENT_METHODS.map((method) => ({ method, gross: 0, refunds: 0, net: 0 })),
      }
      byCurrency.set(code, found)
    }
    return found
  }
  const dayIndex = new Map(ranges.map((r, index) => [r.day, index]))
  for (const row of dayRows) {
    const revenue = entry(row.currency)
    const day = revenue.days[dayIndex.get(row.day)!]!
    const method = revenue.methods.find((m) => m.method === row.method)!
    if (row.kind === 'payment') {
      day.gross += row.amount
      revenue.gross += row.amount
      method.gross += row.amount
      revenue.payments += row.n
    } else {
      day.refunds += row.amount
      revenue.refunds += row.amount
      method.refunds += row.amount
      revenue.refundCount += row.n
    }
    day.net = day.gross - day.refunds
    method.net = method.gross - method.refunds
  }
  for (const [currency, courses] of coursesByCurrency(courseRows)) entry(currency).courses = courses
  const currencies = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency))
  for (const revenue of currencies) {
    revenue.net = revenue.gross - revenue.refunds
    revenue.courses.sort((a, b) => b.net - a.net || b.gross - a.gross || a.title.localeCompare(b.title) || a.code.localeCompare(b.code))
  }
  return currencies
}

/** A course sold at several tills is one line with all their money (same currency and code). */
function coursesByCurrency(rows: readonly RevenueCourseRow[]): Map<string, RevenueCourse[]> {
  const lines = new Map<string, RevenueCourse & { currency: string }>()
  for (const row of rows) {
    const key = `${row.currency} ${row.code}`
    const line = lines.get(key)
    if (!line) {
      lines.set(key, { currency: row.currency, courseId: row.courseId, code: row.code, title: row.title, gross: row.gross, refunds: row.refunds, net: row.gross - row.refunds })
      continue
    }
    line.gross += row.gross
    line.refunds += row.refunds
    line.net = line.gross - line.refunds
    // This till's own course (and its title) wins over a code this till does not know.
    if (line.courseId === null && row.courseId !== null) Object.assign(line, { courseId: row.courseId, title: row.title })
  }
  const byCurrency = new Map<string, RevenueCourse[]>()
  for (const { currency, ...course } of lines.values()) byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), course])
  return byCurrency
}
