import { notFound } from '@shared/errors'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { otherGrantFor } from '../memberships/grants'
import { addGrant, removeGrant } from './grant-rows'

/** Grants each course of the order to its account; a course the account already owns is left as it is. */
export function grantOrderCourses(db: Db, now: number, orderId: number, actor: string): number[] {
  const items = sql(
    db,
    `SELECT o.account_id AS accountId, i.course_id AS courseId
       FROM purchase_order_item i JOIN purchase_order o ON o.id = i.order_id WHERE i.order_id = ?`,
  ).all(orderId) as Array<{ accountId: number; courseId: number }>
  const granted: number[] = []
  for (const { accountId, courseId } of items) {
    if (addGrant(db, now, { accountId, courseId, orderId, membershipId: null }, actor)) granted.push(courseId)
  }
  return granted
}

/**
 * Revokes what this order granted. A course the customer also paid for in another order stays theirs:
 * the grant moves to that order (it found the course already owned when it was paid, so it granted nothing).
 */
export function revokeOrderCourses(db: Db, now: number, orderId: number, actor: string, reason: string): number[] {
  // Only the order's own grants: a membership's grant names its first order too, but ends with the membership.
  const rows = sql(
    db,
    'SELECT account_id AS accountId, course_id AS courseId FROM account_has_course WHERE order_id = ? AND recurring_payment_id IS NULL',
  ).all(orderId) as Array<{ accountId: number; courseId: number }>
  const revoked: number[] = []
  for (const row of rows) {
    removeGrant(db, now, { ...row, orderId, membershipId: null }, actor, { reason })
    const heir = otherGrantFor(db, row.accountId, row.courseId, null)
    if (!heir || heir.orderId === orderId) {
      revoked.push(row.courseId)
      continue
    }
    addGrant(db, now, { ...row, ...heir }, actor, { reason: `still paid for by order ${heir.orderId} after order ${orderId} was refunded` })
  }
  return revoked
}

/** A manager takes a course away by hand. */
export function revokeCourse(db: Db, now: number, accountId: number, courseId: number, actor: string, reason: string): void {
  const row = sql(db, 'SELECT order_id AS orderId FROM account_has_course WHERE account_id = ? AND course_id = ?').get(
    accountId,
    courseId,
  ) as { orderId: number } | undefined
  if (!row) throw notFound(`Account ${accountId} does not own course ${courseId}`)
  removeGrant(db, now, { accountId, courseId, orderId: row.orderId, membershipId: null }, actor, { reason })
}
