import type { RevenueReport, RevenueScope } from '@shared/insight'
import { otherTillsRevenueRows } from '../shop/other-tills-revenue-rows'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { dayRanges } from './days'
import { buildCurrencies, type RevenueCourseRow, type RevenueDayRow } from './revenue-build'

export interface RevenueInput {
  from: string
  to: string
  timeZone: string
  currency?: string
  scope?: RevenueScope
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
SELECT t.currency, c.code, t.course_id AS courseId, c.title, t.gross, t.refunds FROM totals t JOIN course c ON c.id = t.course_id`

/** Gross, refunds and net per day, method and course for each currency that moved in the period: this till's own
 *  money, or with `scope: 'shop'` this till's plus the other tills' copies (core/shop/other-tills-revenue-rows.ts). */
export function revenueReport(db: Db, input: RevenueInput): RevenueReport {
  const ranges = dayRanges(input.from, input.to, input.timeZone)
  const scope = input.scope ?? 'till'
  const period = { days: JSON.stringify(ranges.map((r) => [r.day, r.start, r.end])), start: ranges[0]!.start, end: ranges.at(-1)!.end, currency: input.currency ?? null }
  const dayRows = sql(db, BY_DAY).all({ days: period.days, currency: period.currency }) as RevenueDayRow[]
  const courseRows = sql(db, BY_COURSE).all({ start: period.start, end: period.end, currency: period.currency }) as RevenueCourseRow[]
  if (scope === 'shop') {
    const others = otherTillsRevenueRows(db, period)
    dayRows.push(...others.dayRows)
    courseRows.push(...others.courseRows)
  }
  return { from: input.from, to: input.to, timeZone: input.timeZone, scope, currencies: buildCurrencies(ranges, dayRows, courseRows) }
}
