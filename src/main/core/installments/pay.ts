import type { OrderDetail } from '@shared/domain'
import { conflict, invalidInput, notFound } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { getOrderDetail } from '../orders/read-order'
import { settleOrder } from '../orders/settle'
import { sql } from '../store/statements'

const IN_FLIGHT = "('pending', 'requires_action', 'processing')"

/**
 * The order that pays a plan's charges: what is past due (due now or earlier) or everything outstanding. The amount
 * is computed here from the schedule in the store, and the order records exactly which charges it covers; paying
 * it (card webhook, direct check or cash) marks those charges paid and no others.
 * An earlier unpaid order for the same plan is reused when it covers the same charges, and otherwise canceled
 * (its charges freed) unless a card payment on it is under way.
 */
export function payInstallments(ctx: CoreContext, input: { planId: number; scope: 'past_due' | 'all'; actor: string }): { order: OrderDetail; replaced: number[] } {
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const now = ctx.now()
    const plan = sql(db, 'SELECT id, account_id AS accountId, currency, first_order_id AS firstOrderId FROM installment_plan WHERE id = ?').get(input.planId) as
      | { id: number; accountId: number; currency: string; firstOrderId: number }
      | undefined
    if (!plan) throw notFound(`Payment plan ${input.planId} does not exist`)
    const firstStatus = sql(db, 'SELECT status FROM purchase_order WHERE id = ?').pluck().get(plan.firstOrderId)
    if (firstStatus !== 'successful') throw conflict('The first part of this plan is not paid yet: take that payment first')
    const charges = sql(
      db,
      `SELECT id, amount FROM installment_charge WHERE plan_id = ? AND paid_at IS NULL AND (? = 'all' OR due_at <= ?) ORDER BY seq`,
    ).all(plan.id, input.scope, now) as Array<{ id: number; amount: number }>
    if (charges.length === 0) throw invalidInput(input.scope === 'past_due' ? 'Nothing on this plan is past due' : 'This plan is fully paid')
    const wanted = charges.map((c) => c.id).join(',')
    const openOrders = sql(
      db,
      `SELECT o.id, group_concat(oc.charge_id, ',') AS charges,
              EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.status IN ${IN_FLIGHT}) AS inFlight,
              EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.status = 'succeeded') AS partlyPaid
         FROM purchase_order o JOIN installment_order_charge oc ON oc.order_id = o.id
         JOIN installment_charge c ON c.id = oc.charge_id
        WHERE c.plan_id = ? AND o.id <> ? AND o.canceled_at IS NULL AND o.status IN ('pending', 'failed', 'partially_paid')
        GROUP BY o.id ORDER BY o.id`,
    ).all(plan.id, plan.firstOrderId) as Array<{ id: number; charges: string; inFlight: number; partlyPaid: number }>
    const same = openOrders.find((o) => sortedIds(o.charges) === wanted)
    if (same) return { order: getOrderDetail(db, same.id), replaced: [] }
    const busy = openOrders.find((o) => o.inFlight || o.partlyPaid)
    if (busy) throw conflict(`A payment for this plan is under way on order #${busy.id}: finish or cancel it first`)
    for (const stale of openOrders) {
      sql(db, 'UPDATE purchase_order SET canceled_at = ?, updated_at = ? WHERE id = ?').run(now, now, stale.id)
      audit(db, now, { actor: input.actor, action: 'order.canceled', entityType: 'purchase_order', entityId: stale.id, orderId: stale.id, detail: { reason: 'replaced by a new plan payment' } })
      settleOrder(db, now, stale.id, input.actor, queue)
    }
    const amount = charges.reduce((sum, c) => sum + c.amount, 0)
    const orderId = Number(
      sql(db, "INSERT INTO purchase_order (account_id, amount, currency, status, kind, created_at, updated_at) VALUES (?, ?, ?, 'pending', 'installment', ?, ?)").run(
        plan.accountId,
        amount,
        plan.currency,
        now,
        now,
      ).lastInsertRowid,
    )
    for (const charge of charges) sql(db, 'INSERT INTO installment_order_charge (order_id, charge_id) VALUES (?, ?)').run(orderId, charge.id)
    audit(db, now, { actor: input.actor, action: 'order.created', entityType: 'purchase_order', entityId: orderId, orderId, detail: { installmentPlanId: plan.id, scope: input.scope, charges: charges.map((c) => c.id), amount } })
    queue({ type: 'order.changed', orderId, status: 'pending' })
    return { order: getOrderDetail(db, orderId), replaced: openOrders.map((o) => o.id) }
  })
}

function sortedIds(list: string): string {
  return list
    .split(',')
    .map(Number)
    .sort((a, b) => a - b)
    .join(',')
}
