import type { OrderDetail } from '@shared/domain'
import { AppError, conflict, invalidInput, notFound } from '@shared/errors'
import { formatMoney } from '@shared/money'
import type { StaffPerson } from '@shared/staff'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { readSetting } from '../settings'
import { actingApproverId, actingStaffId } from '../staff/acting'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { getOrderDetail } from './read-order'

export const DISCOUNT_LIMIT_SETTING = 'discount_limit_percent'
const DEFAULT_LIMIT_PERCENT = 10

export interface DiscountInput {
  orderId: number
  /** A course of the order, or null for the whole order. */
  courseId: number | null
  kind: 'percent' | 'amount'
  /** percent: basis points (1250 = 12.5 %); amount: minor units of the order's currency. */
  value: number
  reason: string
}

export function discountLimitPercent(db: Db): number {
  const saved = readSetting(db, DISCOUNT_LIMIT_SETTING)
  return saved === undefined ? DEFAULT_LIMIT_PERCENT : Number(saved)
}

/**
 * Takes a discount off an order before anything is paid: prices still come from the store, the discount is its own
 * line, and the order's amount becomes what is charged. Over the limit (all the order's discounts together, as a
 * share of its price) it needs a manager's approval, given on the spot; the line names the person and the approver.
 */
export function applyDiscount(ctx: CoreContext, input: DiscountInput, approver: StaffPerson | null): OrderDetail {
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const order = unpaidSale(db, input.orderId, 'discounts go on before payment')
    const gross = order.items.reduce((sum, item) => sum + item.unitAmount, 0)
    const item = input.courseId === null ? null : order.items.find((i) => i.courseId === input.courseId)
    if (input.courseId !== null && !item) throw notFound(`Order ${order.id} has no course ${input.courseId}`)
    if (sql(db, 'SELECT 1 FROM order_discount WHERE order_id = ? AND coalesce(course_id, 0) = ?').get(order.id, input.courseId ?? 0)) {
      throw conflict(item ? `"${item.title}" already has a discount` : `Order ${order.id} already has an order discount`)
    }
    const base = item ? item.unitAmount : order.amount
    const amount = input.kind === 'percent' ? Math.round((base * input.value) / 10_000) : input.value
    if (input.kind === 'percent' && (input.value <= 0 || input.value > 10_000)) throw invalidInput('A percent discount is between 0.01 % and 100 %', { field: 'value' })
    if (amount <= 0) throw invalidInput('That discount rounds to nothing', { field: 'value' })
    if (amount > base) throw invalidInput(`At most ${formatMoney(base, order.currency)} can be taken off`, { field: 'value' })
    if (amount >= order.amount) throw invalidInput('A sale cannot be free: leave something to pay', { field: 'value' })
    const limit = discountLimitPercent(db)
    const total = gross - order.amount + amount
    if (total * 100 > gross * limit && !approver) {
      throw new AppError('manager_required', `A discount above ${limit} % of the price needs a manager's approval`)
    }
    const now = ctx.now()
    const id = Number(
      sql(
        db,
        `INSERT INTO order_discount (order_id, course_id, kind, value, amount, reason, staff_id, approver_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(order.id, input.courseId, input.kind, input.value, amount, input.reason, actingStaffId(), approver ? actingApproverId() : null, now).lastInsertRowid,
    )
    sql(db, 'UPDATE purchase_order SET amount = amount - ?, updated_at = ? WHERE id = ?').run(amount, now, order.id)
    audit(db, now, { actor: approver ? 'manager' : 'staff', action: 'order.discounted', entityType: 'purchase_order', entityId: order.id, orderId: order.id, detail: { discountId: id, courseId: input.courseId, kind: input.kind, value: input.value, amount, reason: input.reason } })
    queue({ type: 'order.changed', orderId: order.id, status: order.status })
    return getOrderDetail(db, order.id)
  })
}

/** A sale nothing has been paid on yet: the only order whose discounts may change. */
function unpaidSale(db: Db, orderId: number, rule: string): OrderDetail {
  const order = getOrderDetail(db, orderId)
  if (order.kind !== 'sale') throw conflict(`Order ${order.id} is a ${order.kind.replace('_', ' ')}: its price is set by the plan`)
  // A card attempt not yet confirmed is fine: the checkout asks for it again and the intent's amount follows the
  // order (payments/card-payment.ts reuse); cash taken or a card under way is not.
  const taken = order.payments.some((p) => (p.method === 'cash' ? p.status === 'succeeded' : !['pending', 'failed', 'canceled'].includes(p.status)))
  if (order.status !== 'pending' || taken) throw conflict(`Order ${order.id} has taken a payment or is finished: ${rule}`)
  // A pay link is a Stripe page fixed at the old amount: the customer could still pay that after the price changed.
  if (sql(db, "SELECT 1 FROM checkout_link WHERE order_id = ? AND status IN ('creating', 'open')").get(order.id)) {
    throw conflict(`Order ${order.id} has a pay link open for ${formatMoney(order.amountDue, order.currency)}: withdraw it first, then change the price`)
  }
  return order
}

/**
 * Takes a discount back off an unpaid order: the order returns to the price less its other discounts. The line goes
 * (one discount per line, so it can be given again), and the audit row keeps all of it with who removed it.
 * Removing never lowers a price, so it needs no manager.
 */
export function removeDiscount(ctx: CoreContext, orderId: number, discountId: number): OrderDetail {
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const order = unpaidSale(db, orderId, 'a discount can only be removed before payment')
    const line = order.discounts.find((d) => d.id === discountId)
    if (!line) throw notFound(`Order ${order.id} has no discount ${discountId}`)
    const now = ctx.now()
    sql(db, 'DELETE FROM order_discount WHERE id = ? AND order_id = ?').run(line.id, order.id)
    sql(db, 'UPDATE purchase_order SET amount = amount + ?, updated_at = ? WHERE id = ?').run(line.amount, now, order.id)
    const { id, courseId, kind, value, amount, reason, staffName, approverName } = line
    audit(db, now, { actor: 'staff', action: 'order.discount_removed', entityType: 'purchase_order', entityId: order.id, orderId: order.id, detail: { discountId: id, courseId, kind, value, amount, reason, givenBy: staffName, approvedBy: approverName } })
    queue({ type: 'order.changed', orderId: order.id, status: order.status })
    return getOrderDetail(db, order.id)
  })
}

/**
 * What each course of an order was really sold for: its price, less its own discount, less its share of the order's
 * discount (split in proportion, the odd minor units to the largest remainders), so the lines add up to the order.
 */
export function netLinePrices(db: Db, orderId: number): Map<number, number> {
  const items = sql(db, 'SELECT course_id AS courseId, unit_amount AS unitAmount FROM purchase_order_item WHERE order_id = ? ORDER BY id').all(orderId) as Array<{ courseId: number; unitAmount: number }>
  const discounts = sql(db, 'SELECT course_id AS courseId, amount FROM order_discount WHERE order_id = ?').all(orderId) as Array<{ courseId: number | null; amount: number }>
  const afterLine = items.map((i) => ({ courseId: i.courseId, amount: i.unitAmount - (discounts.find((d) => d.courseId === i.courseId)?.amount ?? 0) }))
  const orderDiscount = discounts.find((d) => d.courseId === null)?.amount ?? 0
  const subtotal = afterLine.reduce((sum, line) => sum + line.amount, 0)
  if (orderDiscount === 0 || subtotal === 0) return new Map(afterLine.map((line) => [line.courseId, line.amount]))
  const shares = afterLine.map((line) => {
    const exact = (orderDiscount * line.amount) / subtotal
    return { ...line, share: Math.floor(exact), remainder: exact - Math.floor(exact) }
  })
  let left = orderDiscount - shares.reduce((sum, s) => sum + s.share, 0)
  for (const line of [...shares].sort((a, b) => b.remainder - a.remainder)) {
    if (left === 0) break
    line.share += 1
    left -= 1
  }
  return new Map(shares.map((line) => [line.courseId, line.amount - line.share]))
}
