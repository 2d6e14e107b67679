import type { OrderDetail } from '@shared/domain'
import { conflict, invalidInput, notFound } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { refuseUnconfirmedResale } from './already-owned'
import { actingStaffId } from '../staff/acting'
import { openShiftId } from '../shifts/drawer'
import { getOrderDetail } from './read-order'

export interface CreateOrderInput {
  accountId: number
  courseIds: readonly number[]
  /** Courses the customer already owns that staff confirmed selling again. */
  confirmOwned?: readonly number[]
  actor: string
}

interface CourseRow {
  id: number
  title: string
  price_amount: number
  currency: string
  active: number
}

/** Creates an order with prices read from the store; the screen's idea of a price is never used. */
export function createOrder(ctx: CoreContext, input: CreateOrderInput): OrderDetail {
  const { accountId, courseIds, actor } = input
  if (courseIds.length === 0) throw invalidInput('The cart is empty: add at least one course')
  const repeated = courseIds.find((id, index) => courseIds.indexOf(id) !== index)
  if (repeated !== undefined) throw invalidInput(`Course ${repeated} is in the cart twice`)

  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    if (!sql(db, 'SELECT 1 FROM account WHERE id = ?').get(accountId)) throw notFound(`Customer ${accountId} does not exist`)
    refuseUnconfirmedResale(db, accountId, courseIds, input.confirmOwned ?? [])
    const courses = courseIds.map((id) => {
      const course = sql(db, 'SELECT id, title, price_amount, currency, active FROM course WHERE id = ?').get(id) as
        | CourseRow
        | undefined
      if (!course) throw notFound(`Course ${id} does not exist`)
      if (!course.active) throw conflict(`"${course.title}" is no longer on sale`)
      return course
    })
    const currencies = [...new Set(courses.map((course) => course.currency))]
    if (currencies.length > 1) {
      throw invalidInput(`One order cannot mix currencies (${currencies.join(', ')}): sell them in separate orders`)
    }
    const amount = courses.reduce((sum, course) => sum + course.price_amount, 0)
    if (!Number.isSafeInteger(amount)) throw invalidInput('The order total is too large')

    const now = ctx.now()
    const orderId = Number(
      sql(
        db,
        `INSERT INTO purchase_order (account_id, amount, currency, status, staff_id, shift_id, created_at, updated_at)
         VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)`,
      ).run(accountId, amount, currencies[0], actingStaffId(), openShiftId(db), now, now).lastInsertRowid,
    )
    for (const course of courses) {
      sql(db, 'INSERT INTO purchase_order_item (order_id, course_id, title, unit_amount) VALUES (?, ?, ?, ?)').run(
        orderId,
        course.id,
        course.title,
        course.price_amount,
      )
    }
    audit(db, now, {
      actor,
      action: 'order.created',
      entityType: 'purchase_order',
      entityId: orderId,
      orderId,
      detail: { accountId, courseIds, amount, currency: currencies[0], ...(input.confirmOwned?.length ? { soldAgain: input.confirmOwned.filter((id) => courseIds.includes(id)) } : {}) },
    })
    queue({ type: 'order.changed', orderId, status: 'pending' })
    return getOrderDetail(db, orderId)
  })
}
