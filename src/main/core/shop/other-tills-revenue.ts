import type { OtherTillRevenue, RevenueReport, ShopRevenue } from '@shared/insight'
import { dayRanges } from '../insight/days'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { shopHistoryAsOf } from './as-of'

// Reports across the shop: the other tills' succeeded payments and refunds in the report's period, from the copies
// pulled from the shop database, counted by the same rule as this till's own (the day the money moved: a
// succeeded payment or refund on its updated_at). Integer minor units, per till and currency, never mixed.

const BY_TILL = `
SELECT 'payment' AS kind, installation, currency, sum(amount_received) AS amount, count(*) AS n
  FROM shop_payment_copy WHERE status = 'succeeded' AND updated_at >= @start AND updated_at < @end AND (@currency IS NULL OR currency = @currency)
 GROUP BY installation, currency
UNION ALL
SELECT 'refund', installation, currency, sum(amount), count(*)
  FROM shop_refund_copy WHERE status = 'succeeded' AND updated_at >= @start AND updated_at < @end AND (@currency IS NULL OR currency = @currency)
 GROUP BY installation, currency`

interface TillRow {
  kind: 'payment' | 'refund'
  installation: string
  currency: string
  amount: number
  n: number
}

/** The report with the other tills' money added beside it; unchanged for a till that has never been in a shop. */
export function withOtherTills(db: Db, report: RevenueReport, currency: string | null): RevenueReport {
  const asOf = shopHistoryAsOf(db)
  const ranges = dayRanges(report.from, report.to, report.timeZone)
  const rows = sql(db, BY_TILL).all({ start: ranges[0]!.start, end: ranges.at(-1)!.end, currency }) as TillRow[]
  if (asOf === null && rows.length === 0) return report
  return { ...report, shop: shopRevenue(report, rows, asOf) }
}

function shopRevenue(report: RevenueReport, rows: readonly TillRow[], asOf: number | null): ShopRevenue {
  const tills = new Map<string, OtherTillRevenue>()
  for (const row of rows) {
    const key = `${row.installation} ${row.currency}`
    const till = tills.get(key) ?? { installation: row.installation, currency: row.currency, gross: 0, refunds: 0, net: 0, payments: 0, refundCount: 0 }
    if (row.kind === 'payment') {
      till.gross += row.amount
      till.payments += row.n
    } else {
      till.refunds += row.amount
      till.refundCount += row.n
    }
    till.net = till.gross - till.refunds
    tills.set(key, till)
  }
  // A whole-shop report's currencies already hold every till's money: they are the whole shop as they stand.
  const parts = report.scope === 'shop' ? report.currencies : [...report.currencies, ...tills.values()]
  const whole = new Map<string, { currency: string; gross: number; refunds: number; net: number }>()
  for (const figures of parts) {
    const sum = whole.get(figures.currency) ?? { currency: figures.currency, gross: 0, refunds: 0, net: 0 }
    sum.gross += figures.gross
    sum.refunds += figures.refunds
    sum.net = sum.gross - sum.refunds
    whole.set(figures.currency, sum)
  }
  const byTillThenCurrency = (a: OtherTillRevenue, b: OtherTillRevenue) => a.installation.localeCompare(b.installation) || a.currency.localeCompare(b.currency)
  return {
    asOf,
    tills: [...tills.values()].sort(byTillThenCurrency),
    wholeShop: [...whole.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  }
}
