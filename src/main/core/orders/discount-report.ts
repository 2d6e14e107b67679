import type { DiscountTotals } from '@shared/contract/discounts'
import { PAID_STATUSES } from '@shared/order-rules'
import { dayRanges } from '../insight/days'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

// A discount counts with its sale: the order made in the period (days in the shop's zone) and paid, so a discount
// on a sale that was abandoned or canceled took nothing off anyone's money. Refunded sales keep theirs: the
// discount was given, and the refund was only ever of what was paid.
const BY_CURRENCY = `
SELECT o.currency, count(*) AS count, sum(d.amount) AS amount
  FROM order_discount d JOIN purchase_order o ON o.id = d.order_id
 WHERE o.created_at >= @start AND o.created_at < @end AND o.status IN (SELECT value FROM json_each(@paid))
 GROUP BY o.currency ORDER BY o.currency`

export function discountTotals(db: Db, input: { from: string; to: string; timeZone: string }): DiscountTotals {
  const ranges = dayRanges(input.from, input.to, input.timeZone)
  const currencies = sql(db, BY_CURRENCY).all({ start: ranges[0]!.start, end: ranges.at(-1)!.end, paid: JSON.stringify(PAID_STATUSES) }) as DiscountTotals['currencies']
  return { from: input.from, to: input.to, timeZone: input.timeZone, currencies }
}
