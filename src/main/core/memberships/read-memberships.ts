import type { Membership } from '@shared/recurring'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

interface Row extends Omit<Membership, 'cancelAtPeriodEnd' | 'orderIds'> {
  cancelAtPeriodEnd: number
}

export function listMemberships(db: Db, accountId: number): Membership[] {
  const rows = sql(
    db,
    `SELECT r.id, r.account_id AS accountId, r.plan_id AS planId, p.title AS planTitle, r.status, r.amount, r.currency, r.interval,
            r.current_period_end AS currentPeriodEnd, r.cancel_at_period_end AS cancelAtPeriodEnd, r.last_failure AS lastFailure,
            r.stripe_subscription_id AS stripeSubscriptionId, r.first_order_id AS firstOrderId
       FROM recurring_payment r JOIN membership_plan p ON p.id = r.plan_id WHERE r.account_id = ? ORDER BY r.id DESC`,
  ).all(accountId) as Row[]
  return rows.map((row) => ({
    ...row,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd === 1,
    orderIds: sql(db, 'SELECT order_id FROM recurring_invoice WHERE recurring_payment_id = ? ORDER BY order_id').pluck().all(row.id) as number[],
  }))
}

export function getMembership(db: Db, id: number): Membership | undefined {
  const accountId = sql(db, 'SELECT account_id FROM recurring_payment WHERE id = ?').pluck().get(id) as number | undefined
  return accountId === undefined ? undefined : listMemberships(db, accountId).find((m) => m.id === id)
}
