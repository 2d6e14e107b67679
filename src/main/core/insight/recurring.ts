import type { RecurringReport } from '@shared/recurring'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

/** `YYYY-MM` of an instant in the till's time zone. */
function monthIn(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(at))
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`
}

/**
 * Recurring revenue per month (what succeeded payments of membership, renewal and installment orders brought in,
 * less their succeeded refunds, in the month the payment was made) and the past-due total, per currency.
 */
export function recurringReport(db: Db, input: { since: number; now: number; timeZone: string }): RecurringReport {
  const rows = sql(
    db,
    `SELECT p.created_at AS at, p.currency, o.kind,
            p.amount_received - coalesce((SELECT sum(r.amount) FROM refund r WHERE r.payment_id = p.id AND r.status = 'succeeded'), 0) AS net
       FROM payment p JOIN purchase_order o ON o.id = p.order_id
      WHERE p.status = 'succeeded' AND o.kind IN ('membership', 'renewal', 'installment') AND p.created_at >= ?`,
  ).all(input.since) as Array<{ at: number; currency: string; kind: string; net: number }>
  const months = new Map<string, RecurringReport['months'][number]>()
  for (const row of rows) {
    const month = monthIn(row.at, input.timeZone)
    const key = `${month}:${row.currency}`
    const entry = months.get(key) ?? { month, currency: row.currency, memberships: 0, installments: 0 }
    if (row.kind === 'installment') entry.installments += row.net
    else entry.memberships += row.net
    months.set(key, entry)
  }
  const pastDue = sql(
    db,
    `SELECT currency, sum(amount) AS amount, sum(plans) AS plans, sum(memberships) AS memberships FROM (
       SELECT currency, amount, 1 AS plans, 0 AS memberships FROM installment_charge WHERE paid_at IS NULL AND due_at <= ?
       UNION ALL
       SELECT currency, amount, 0, 1 FROM recurring_payment WHERE status = 'past_due'
     ) GROUP BY currency ORDER BY currency`,
  ).all(input.now) as RecurringReport['pastDue']
  return {
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
    pastDue,
  }
}
