import type { RevenueCourseRow, RevenueDayRow } from '../insight/revenue-build'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

// Reports for the whole shop: the other tills' money from the copies pulled here (store migrations 019, 028),
// bucketed exactly as this till's own (core/insight/revenue.ts), so the two row sets add up line by line.
// Offline-safe: only the local store is read; the figures are as of the last pull.

// A succeeded payment on its updated_at, a succeeded refund on its updated_at, under the method of the payment it
// returns. A refund is counted once its payment's copy is here (payments are pulled before refunds each round).
const BY_DAY = `
WITH days(day, start_at, end_at) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@days))
SELECT 'payment' AS kind, d.day, p.currency, p.method, sum(p.amount_received) AS amount, count(*) AS n
  FROM days d JOIN shop_payment_copy p ON p.status = 'succeeded' AND p.updated_at >= d.start_at AND p.updated_at < d.end_at
 WHERE @currency IS NULL OR p.currency = @currency
 GROUP BY d.day, p.currency, p.method
UNION ALL
SELECT 'refund', d.day, r.currency, p.method, sum(r.amount), count(*)
  FROM days d JOIN shop_refund_copy r ON r.status = 'succeeded' AND r.updated_at >= d.start_at AND r.updated_at < d.end_at
  JOIN shop_payment_copy p ON p.installation = r.installation AND p.payment_id = r.payment_id
 WHERE @currency IS NULL OR r.currency = @currency
 GROUP BY d.day, r.currency, p.method`

// Per course: each payment or refund is split over its order's lines in proportion to their prices, by largest
// remainder, so the courses add up exactly to the money. This till splits its discounted orders by price less
// each course's own discount; per-course discounts are not copied from the other tills, so their discounted
// orders are split by item price alone (the order's total is still exact, only its share between courses differs).
// A course is matched to this till's catalog by code (the catalog is shop-wide): this till's id and title, or the
// title it was last sold under when the code is not known here. The reads are answered from covering indexes
// (store migration 029); titles are looked up once per course, not carried through every line. Lines can arrive a
// pull round after their payment: until then a payment is split over the lines that are here (none: no course line).
const BY_COURSE = `
WITH moves(kind, installation, move_id, order_id, amount, currency) AS (
  SELECT 'payment', p.installation, p.payment_id, p.order_id, p.amount_received, p.currency FROM shop_payment_copy p
   WHERE p.status = 'succeeded' AND p.updated_at >= @start AND p.updated_at < @end AND (@currency IS NULL OR p.currency = @currency)
  UNION ALL
  SELECT 'refund', r.installation, r.refund_id, p.order_id, r.amount, r.currency
    FROM shop_refund_copy r JOIN shop_payment_copy p ON p.installation = r.installation AND p.payment_id = r.payment_id
   WHERE r.status = 'succeeded' AND r.updated_at >= @start AND r.updated_at < @end AND (@currency IS NULL OR r.currency = @currency)
),
-- Materialized: each move and its order's total once, not once per line that reads them.
sized AS MATERIALIZED (
  SELECT m.*, (SELECT sum(unit_amount) FROM shop_order_item_copy WHERE installation = m.installation AND order_id = m.order_id) AS lines_total FROM moves m
),
-- Most payments are the whole order at its prices: each course's share is its price, with no split to work out.
whole AS (
  SELECT m.kind, m.currency, i.course_code, i.unit_amount AS share
    FROM sized m JOIN shop_order_item_copy i ON i.installation = m.installation AND i.order_id = m.order_id WHERE m.amount = m.lines_total
),
floored AS (
  SELECT m.kind, m.installation, m.move_id, m.currency, m.amount, i.item_id, i.course_code,
         m.amount * i.unit_amount / m.lines_total AS base, m.amount * i.unit_amount % m.lines_total AS rest
    FROM sized m JOIN shop_order_item_copy i ON i.installation = m.installation AND i.order_id = m.order_id WHERE m.amount <> m.lines_total
),
split AS (
  SELECT kind, currency, course_code,
         base + (row_number() OVER move <= amount - sum(base) OVER (PARTITION BY kind, installation, move_id)) AS share
    FROM floored
  WINDOW move AS (PARTITION BY kind, installation, move_id ORDER BY rest DESC, course_code, item_id)
),
totals AS (
  SELECT currency, course_code,
         sum(CASE WHEN kind = 'payment' THEN share ELSE 0 END) AS gross,
         sum(CASE WHEN kind = 'refund' THEN share ELSE 0 END) AS refunds
    FROM (SELECT * FROM whole UNION ALL SELECT * FROM split) GROUP BY currency, course_code
)
SELECT t.currency, t.course_code AS code, c.id AS courseId,
       coalesce(c.title, (SELECT title FROM shop_order_item_copy WHERE course_code = t.course_code ORDER BY rowid DESC LIMIT 1)) AS title, t.gross, t.refunds
  FROM totals t LEFT JOIN course c ON c.code = t.course_code`

export interface RowsPeriod {
  /** The report's days as JSON, [day, start, end] each (as revenue.ts binds them). */
  days: string
  start: number
  end: number
  currency: string | null
}

/** The other tills' money in the period, per day and method and per course, as rows to add to this till's. */
export function otherTillsRevenueRows(db: Db, period: RowsPeriod): { dayRows: RevenueDayRow[]; courseRows: RevenueCourseRow[] } {
  return {
    dayRows: sql(db, BY_DAY).all({ days: period.days, currency: period.currency }) as RevenueDayRow[],
    courseRows: sql(db, BY_COURSE).all({ start: period.start, end: period.end, currency: period.currency }) as RevenueCourseRow[],
  }
}
