import { PAYMENT_METHODS, type PaymentMethod } from '@shared/domain'
import type { CurrencyRevenue, RevenueCourse, RevenueReport } from '@shared/insight'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { dayRanges } from './days'

export interface RevenueInput {
  from: string
  to: string
  timeZone: string
  currency?: string
}

// Money counts on the day it moved: a succeeded payment on its updated_at (when it succeeded), a succeeded refund
// on its updated_at. The days come in as one JSON bind parameter ([day, start, end] each), so every bucket has
// its true bounds in the zone and the SQL stays a fixed, cached text.
const BY_DAY = `
WITH days(day, start_at, end_at) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@days))
SELECT 'payment' AS kind, d.day, p.currency, p.method, sum(p.amount_received) AS amount, count(*) AS n
  FROM days d JOIN payment p ON p.status = 'succeeded' AND p.updated_at >= d.start_at AND p.updated_at < d.end_at
 WHERE @currency IS NULL OR p.currency = @currency
 GROUP BY d.day, p.currency, p.method
UNION ALL
SELECT 'refund', d.day, r.currency, p.method, sum(r.amount), count(*)
  FROM days d JOIN refund r ON r.status = 'succeeded' AND r.updated_at >= d.start_at AND r.updated_at < d.end_at
  JOIN payment p ON p.id = r.payment_id
 WHERE @currency IS NULL OR r.currency = @currency
 GROUP BY d.day, r.currency, p.method`

// A payment or refund is for a whole order; per course it is split in proportion to the item prices, by largest
// remainder, so the course bars add up exactly to the period's totals. Most cover the whole undiscounted order (its
// amount is the sum of its items), where each course's share is simply its price: only the others go through the split.
// (amount × price must stay below 2^63: true for any price a till sells at.)
const BY_COURSE = `
WITH moves(kind, move_id, order_id, amount, currency, order_amount, discounted) AS (
  SELECT 'payment', p.id, p.order_id, p.amount_received, p.currency, o.amount, EXISTS (SELECT 1 FROM order_discount WHERE order_id = o.id)
    FROM payment p JOIN purchase_order o ON o.id = p.order_id
   WHERE p.status = 'succeeded' AND p.updated_at >= @start AND p.updated_at < @end AND (@currency IS NULL OR p.currency = @currency)
  UNION ALL
  SELECT 'refund', r.id, p.order_id, r.amount, r.currency, o.amount, EXISTS (SELECT 1 FROM order_discount WHERE order_id = o.id)
    FROM refund r JOIN payment p ON p.id = r.payment_id JOIN purchase_order o ON o.id = p.order_id
   WHERE r.status = 'succeeded' AND r.updated_at >= @start AND r.updated_at < @end AND (@currency IS NULL OR r.currency = @currency)
),
whole AS (
  SELECT m.kind, m.currency, i.course_id, i.unit_amount AS share
    FROM moves m JOIN purchase_order_item i ON i.order_id = m.order_id WHERE m.amount = m.order_amount AND NOT m.discounted
),
-- A discounted order's amount is less than its prices: its money is split by each course's price less its own
-- discount (the weights the order's discount is shared by, orders/discounts.ts), over the sum of those weights.
weighted AS (
  SELECT m.kind, m.move_id, m.currency, m.amount, i.course_id,
         i.unit_amount - coalesce((SELECT amount FROM order_discount d WHERE d.order_id = i.order_id AND d.course_id = i.course_id), 0) AS weight
    FROM moves m JOIN purchase_order_item i ON i.order_id = m.order_id WHERE m.amount <> m.order_amount OR m.discounted
),
floored AS (
  SELECT kind, move_id, currency, amount, course_id,
         amount * weight / sum(weight) OVER (PARTITION BY kind, move_id) AS base, amount * weight % sum(weight) OVER (PARTITION BY kind, move_id) AS rest
    FROM weighted
),
split AS (
  SELECT kind, currency, course_id,
         base + (row_number() OVER (PARTITION BY kind, move_id ORDER BY rest DESC, course_id)
                 <= amount - sum(base) OVER (PARTITION BY kind, move_id)) AS share
    FROM floored
),
totals AS (
  SELECT currency, course_id,
         sum(CASE WHEN kind = 'payment' THEN share ELSE 0 END) AS gross,
         sum(CASE WHEN kind = 'refund' THEN share ELSE 0 END) AS refunds
    FROM (SELECT * FROM whole UNION ALL SELECT * FROM split)
   GROUP BY currency, course_id
)
SELECT t.currency, t.course_id AS courseId, c.title, t.gross, t.refunds FROM totals t JOIN course c ON c.id = t.course_id`

interface DayRow {
  kind: 'payment' | 'refund'
  day: string
  currency: string
  method: PaymentMethod
  amount: number
  n: number
}

type CourseRow = Omit<RevenueCourse, 'net'> & { currency: string }

/** Gross, refunds and net per day and per course for each currency that moved in the period. */
export function revenueReport(db: Db, input: RevenueInput): RevenueReport {
  const ranges = dayRanges(input.from, input.to, input.timeZone)
  const currency = input.currency ?? null
  const days = JSON.stringify(ranges.map((r) => [r.day, r.start, r.end]))
  const dayRows = sql(db, BY_DAY).all({ days, currency }) as DayRow[]
  const start = ranges[0]!.start
  const end = ranges.at(-1)!.end
  const courseRows = sql(db, BY_COURSE).all({ start, end, currency }) as CourseRow[]

  const byCurrency = new Map<string, CurrencyRevenue>()
  const entry = (code: string) => {
    let found = byCurrency.get(code)
    if (!found) {
      found = { currency: code, gross: 0, refunds: 0, net: 0, payments: 0, refundCount: 0, courses: [], days: ranges.map((r) => ({ day: r.day, gross: 0, refunds: 0, net: 0 })),
        methods: PAYMENT_METHODS.map((method) => ({ method, gross: 0, refunds: 0, net: 0 })) }
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
  for (const row of courseRows) {
    entry(row.currency).courses.push({ courseId: row.courseId, title: row.title, gross: row.gross, refunds: row.refunds, net: row.gross - row.refunds })
  }
  const currencies = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency))
  for (const revenue of currencies) {
    revenue.net = revenue.gross - revenue.refunds
    revenue.courses.sort((a, b) => b.net - a.net || b.gross - a.gross || a.title.localeCompare(b.title))
  }
  return { from: input.from, to: input.to, timeZone: input.timeZone, currencies }
}
