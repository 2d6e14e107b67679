import type { OrderDetail } from '@shared/domain'
import { notFound } from '@shared/errors'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { revokeCourse } from './ownership'
import { getOrderDetail } from './read-order'

/** A manager takes back one course of an order by hand (a chargeback, a mistake), with a reason. */
export function revokeOrderCourse(ctx: CoreContext, input: { orderId: number; courseId: number; reason: string; actor: string }): OrderDetail {
  return inTransaction(ctx, (queue) => {
    const granted = sql(ctx.db, 'SELECT account_id AS accountId FROM account_has_course WHERE order_id = ? AND course_id = ?').get(input.orderId, input.courseId) as
      | { accountId: number }
      | undefined
    if (!granted) throw notFound(`Order ${input.orderId} did not grant course ${input.courseId}, or it was already revoked`)
    revokeCourse(ctx.db, ctx.now(), granted.accountId, input.courseId, input.actor, input.reason)
    const order = getOrderDetail(ctx.db, input.orderId)
    queue({ type: 'order.changed', orderId: order.id, status: order.status })
    return order
  })
}
