import type { InstallmentCharge, InstallmentPlan } from '@shared/recurring'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { reviewPlanAccess } from './covered'

/** A customer's plans with their schedules; lateness is reviewed first, so access shown is access held. */
export function listInstallmentPlans(ctx: CoreContext, accountId: number): InstallmentPlan[] {
  const { db } = ctx
  const now = ctx.now()
  inTransaction(ctx, (queue) => reviewPlanAccess(db, now, 'system', queue))
  const plans = sql(
    db,
    `SELECT p.id, p.account_id AS accountId, p.course_id AS courseId, c.title AS courseTitle, p.amount, p.currency,
            p.suspended, p.first_order_id AS firstOrderId
       FROM installment_plan p JOIN course c ON c.id = p.course_id WHERE p.account_id = ? ORDER BY p.id DESC`,
  ).all(accountId) as Array<Omit<InstallmentPlan, 'charges' | 'pastDueAmount' | 'outstandingAmount' | 'suspended' | 'lastChargeFailure'> & { suspended: number }>
  return plans.map((plan) => {
    const charges = (
      sql(
        db,
        `SELECT id, seq, amount, currency, due_at AS dueAt, paid_at AS paidAt, paid_order_id AS paidOrderId FROM installment_charge WHERE plan_id = ? ORDER BY seq`,
      ).all(plan.id) as Array<Omit<InstallmentCharge, 'pastDue'>>
    ).map((charge) => ({ ...charge, pastDue: charge.paidAt === null && charge.dueAt <= now }))
    const unpaid = charges.filter((c) => c.paidAt === null)
    return {
      ...plan,
      suspended: plan.suspended === 1,
      charges,
      pastDueAmount: unpaid.filter((c) => c.pastDue).reduce((sum, c) => sum + c.amount, 0),
      outstandingAmount: unpaid.reduce((sum, c) => sum + c.amount, 0),
      lastChargeFailure: lastFailure(ctx, plan.id),
    }
  })
}

function lastFailure(ctx: CoreContext, planId: number): string | null {
  const failed = sql(
    ctx.db,
    `SELECT p.failure_code AS code, p.failure_message AS message, p.updated_at AS at FROM payment p
       JOIN installment_order_charge oc ON oc.order_id = p.order_id JOIN installment_charge c ON c.id = oc.charge_id
      WHERE c.plan_id = ? AND c.paid_at IS NULL AND p.status = 'failed' ORDER BY p.id DESC LIMIT 1`,
  ).get(planId) as { code: string | null; message: string | null } | undefined
  return failed ? `${failed.message ?? 'The card was declined'}${failed.code ? ` (${failed.code})` : ''}` : null
}
