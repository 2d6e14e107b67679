import type { OrderDetail } from '@shared/domain'
import { conflict, notFound } from '@shared/errors'
import { isStripeChargeable } from '@shared/money'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { getOrderDetail } from '../orders/read-order'
import { sql } from '../store/statements'
import { dueDates, splitIntoParts } from './schedule'

/**
 * Sells a course in parts: the schedule of charges is written to the store, and the first part is an order
 * (kind 'installment', the course as its item) paid at once like any order; paying it grants the course.
 */
export function startInstallmentPlan(ctx: CoreContext, input: { accountId: number; offerId: number; actor: string }): OrderDetail {
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    if (!sql(db, 'SELECT 1 FROM account WHERE id = ?').get(input.accountId)) throw notFound(`Customer ${input.accountId} does not exist`)
    const offer = sql(
      db,
      `SELECT o.parts, o.interval_days AS intervalDays, o.active, c.id AS courseId, c.title, c.price_amount AS total, c.currency, c.active AS courseActive
         FROM installment_offer o JOIN course c ON c.id = o.course_id WHERE o.id = ?`,
    ).get(input.offerId) as { parts: number; intervalDays: number; active: number; courseId: number; title: string; total: number; currency: string; courseActive: number } | undefined
    if (!offer) throw notFound(`Payment plan offer ${input.offerId} does not exist`)
    if (!offer.active || !offer.courseActive) throw conflict(`"${offer.title}" is no longer offered in parts`)
    const open = sql(
      db,
      'SELECT 1 FROM installment_plan p JOIN installment_charge c ON c.plan_id = p.id WHERE p.account_id = ? AND p.course_id = ? AND c.paid_at IS NULL',
    ).get(input.accountId, offer.courseId)
    if (open) throw conflict(`This customer is already paying for "${offer.title}" in parts`)
    const parts = splitIntoParts(offer.total, offer.currency, offer.parts)
    if (!parts.every((amount) => isStripeChargeable(amount, offer.currency))) throw conflict(`"${offer.title}" cannot be split into chargeable parts`)
    const now = ctx.now()
    const orderId = Number(
      sql(db, "INSERT INTO purchase_order (account_id, amount, currency, status, kind, created_at, updated_at) VALUES (?, ?, ?, 'pending', 'installment', ?, ?)").run(
        input.accountId,
        parts[0],
        offer.currency,
        now,
        now,
      ).lastInsertRowid,
    )
    sql(db, 'INSERT INTO purchase_order_item (order_id, course_id, title, unit_amount) VALUES (?, ?, ?, ?)').run(orderId, offer.courseId, offer.title, parts[0])
    const planId = Number(
      sql(db, 'INSERT INTO installment_plan (account_id, course_id, amount, currency, first_order_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        input.accountId,
        offer.courseId,
        offer.total,
        offer.currency,
        orderId,
        now,
        now,
      ).lastInsertRowid,
    )
    const dates = dueDates(now, offer.parts, offer.intervalDays)
    parts.forEach((amount, index) => {
      const chargeId = sql(db, 'INSERT INTO installment_charge (plan_id, seq, amount, currency, due_at) VALUES (?, ?, ?, ?, ?)').run(planId, index + 1, amount, offer.currency, dates[index]).lastInsertRowid
      if (index === 0) sql(db, 'INSERT INTO installment_order_charge (order_id, charge_id) VALUES (?, ?)').run(orderId, chargeId)
    })
    audit(db, now, { actor: input.actor, action: 'order.created', entityType: 'purchase_order', entityId: orderId, orderId, detail: { installmentPlanId: planId, parts, currency: offer.currency, courseId: offer.courseId } })
    queue({ type: 'order.changed', orderId, status: 'pending' })
    queue({ type: 'installments.changed', accountId: input.accountId, planId })
    return getOrderDetail(db, orderId)
  })
}
