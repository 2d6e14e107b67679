import { addGrant, removeGrant } from '../orders/grant-rows'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

/** Statuses in which a membership gives access: Stripe is still retrying a past_due renewal, so access stays. */
export const ACCESS_STATUSES: ReadonlySet<string> = new Set(['active', 'trialing', 'past_due'])
/** Statuses that end access (restored if Stripe reports the membership paid and active again). */
export const NO_ACCESS_STATUSES: ReadonlySet<string> = new Set(['canceled', 'unpaid', 'incomplete_expired', 'paused'])

interface MembershipRef {
  id: number
  account_id: number
  plan_id: number
  first_order_id: number
}

/**
 * Grants the plan's courses, attributed to this membership; a course the customer already owns (bought, or from
 * another membership) keeps its grant, so ending this membership later does not take it away.
 */
export function grantMembershipCourses(db: Db, now: number, membership: MembershipRef, actor: string): number[] {
  const courses = sql(db, 'SELECT course_id FROM membership_plan_course WHERE plan_id = ? ORDER BY course_id').pluck().all(membership.plan_id) as number[]
  const granted: number[] = []
  for (const courseId of courses) {
    const grant = { accountId: membership.account_id, courseId, orderId: membership.first_order_id, membershipId: membership.id }
    if (addGrant(db, now, grant, actor, { membershipId: membership.id })) granted.push(courseId)
  }
  return granted
}

/**
 * Removes only the grants this membership made. A course the customer also paid for, or holds through another
 * live membership, stays theirs: the grant moves to that order or membership.
 */
export function revokeMembershipCourses(db: Db, now: number, membership: MembershipRef, actor: string, reason: string): number[] {
  const courses = sql(db, 'SELECT course_id FROM account_has_course WHERE recurring_payment_id = ?').pluck().all(membership.id) as number[]
  const revoked: number[] = []
  for (const courseId of courses) {
    const grant = { accountId: membership.account_id, courseId, orderId: membership.first_order_id, membershipId: membership.id }
    removeGrant(db, now, grant, actor, { membershipId: membership.id, reason })
    const heir = otherGrantFor(db, membership.account_id, courseId, membership.id)
    if (!heir) {
      revoked.push(courseId)
      continue
    }
    addGrant(db, now, { accountId: membership.account_id, courseId, ...heir }, actor, { membershipId: heir.membershipId, reason: `still held after membership ${membership.id} ended` })
  }
  return revoked
}

/** A paid till sale of the course, else another live membership whose plan includes it. */
export function otherGrantFor(db: Db, accountId: number, courseId: number, exceptMembership: number | null): { orderId: number; membershipId: number | null } | null {
  const orderId = sql(
    db,
    `SELECT o.id FROM purchase_order o JOIN purchase_order_item i ON i.order_id = o.id
      WHERE o.account_id = ? AND i.course_id = ? AND o.review_reason IS NULL AND o.status IN ('successful', 'partially_refunded')
        AND o.kind IN ('sale', 'installment')
      ORDER BY o.id LIMIT 1`,
  ).pluck().get(accountId, courseId) as number | undefined
  if (orderId !== undefined) return { orderId, membershipId: null }
  const statuses = [...ACCESS_STATUSES].map((s) => `'${s}'`).join(', ')
  const other = sql(
    db,
    `SELECT r.id, r.first_order_id FROM recurring_payment r JOIN membership_plan_course c ON c.plan_id = r.plan_id
      WHERE r.account_id = ? AND c.course_id = ? AND r.id IS NOT ? AND r.status IN (${statuses}) ORDER BY r.id LIMIT 1`,
  ).get(accountId, courseId, exceptMembership) as { id: number; first_order_id: number } | undefined
  return other ? { orderId: other.first_order_id, membershipId: other.id } : null
}
