import type { LiveEvent } from '@shared/domain'
import { audit } from '../audit'
import { grantOrderCourses, revokeOrderCourses } from '../orders/ownership'
import type { Db } from '../store/db'
import { readSetting } from '../settings'
import { sql } from '../store/statements'

const DAY_MS = 24 * 60 * 60 * 1000
export const GRACE_DAYS_SETTING = 'installment_grace_days'
export const DEFAULT_GRACE_DAYS = 7

/**
 * The order that paid for installment charges became paid: exactly the charges it recorded when it was created
 * are marked paid (never recomputed from what is due now), and a plan suspended for lateness gets its access back.
 */
export function markCoveredChargesPaid(db: Db, now: number, orderId: number, actor: string, queue: (e: LiveEvent) => void): void {
  const charges = sql(
    db,
    `SELECT c.id, c.plan_id AS planId FROM installment_order_charge oc JOIN installment_charge c ON c.id = oc.charge_id
      WHERE oc.order_id = ? AND c.paid_at IS NULL`,
  ).all(orderId) as Array<{ id: number; planId: number }>
  if (charges.length === 0) return
  for (const charge of charges) sql(db, 'UPDATE installment_charge SET paid_order_id = ?, paid_at = ? WHERE id = ?').run(orderId, now, charge.id)
  const planId = charges[0]!.planId
  audit(db, now, { actor, action: 'installments.paid', entityType: 'purchase_order', entityId: orderId, orderId, detail: { planId, charges: charges.map((c) => c.id) } })
  const plan = sql(db, 'SELECT account_id AS accountId, suspended FROM installment_plan WHERE id = ?').get(planId) as { accountId: number; suspended: number }
  queue({ type: 'installments.changed', accountId: plan.accountId, planId })
  if (plan.suspended) reviewPlanAccess(db, now, actor, queue, planId)
}

export function graceDays(db: Db): number {
  // readSetting, not a plucking statement: cached statements are shared by their text.
  const value = Number(readSetting(db, GRACE_DAYS_SETTING) ?? DEFAULT_GRACE_DAYS)
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_GRACE_DAYS
}

/**
 * Access follows lateness: a plan with a part more than the grace days past due is suspended (its course grant
 * removed), and restored once nothing is that late. Only the plan's own first order's grant is touched.
 */
export function reviewPlanAccess(db: Db, now: number, actor: string, queue: (e: LiveEvent) => void, planId?: number): void {
  const cutoff = now - graceDays(db) * DAY_MS
  const plans = sql(
    db,
    `SELECT p.id, p.account_id AS accountId, p.first_order_id AS firstOrderId, p.suspended,
            EXISTS (SELECT 1 FROM installment_charge c WHERE c.plan_id = p.id AND c.paid_at IS NULL AND c.due_at < ?) AS late,
            (SELECT status FROM purchase_order WHERE id = p.first_order_id) AS firstStatus
       FROM installment_plan p WHERE ? IS NULL OR p.id = ?`,
  ).all(cutoff, planId ?? null, planId ?? null) as Array<{ id: number; accountId: number; firstOrderId: number; suspended: number; late: number; firstStatus: string }>
  for (const plan of plans) {
    if (plan.firstStatus !== 'successful' || Boolean(plan.late) === Boolean(plan.suspended)) continue
    sql(db, 'UPDATE installment_plan SET suspended = ?, updated_at = ? WHERE id = ?').run(plan.late, now, plan.id)
    audit(db, now, { actor, action: plan.late ? 'installments.suspended' : 'installments.restored', entityType: 'purchase_order', entityId: plan.firstOrderId, orderId: plan.firstOrderId, detail: { planId: plan.id } })
    if (plan.late) revokeOrderCourses(db, now, plan.firstOrderId, actor, 'payment plan past due')
    else grantOrderCourses(db, now, plan.firstOrderId, actor)
    queue({ type: 'installments.changed', accountId: plan.accountId, planId: plan.id })
  }
}
