import { audit } from '../audit'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

/** One row of `account_has_course`: which order (and membership, if any) gives the account the course. */
export interface Grant {
  accountId: number
  courseId: number
  orderId: number
  membershipId: number | null
}

/** Writes the grant unless the account already owns the course (that grant stays); audits a grant it made. */
export function addGrant(db: Db, now: number, grant: Grant, actor: string, detail: Record<string, unknown> = {}): boolean {
  const inserted = sql(
    db,
    `INSERT INTO account_has_course (account_id, course_id, order_id, granted_at, recurring_payment_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id, course_id) DO NOTHING`,
  ).run(grant.accountId, grant.courseId, grant.orderId, now, grant.membershipId)
  if (inserted.changes === 0) return false
  auditGrant(db, now, 'course.granted', grant, actor, detail)
  return true
}

/** Takes the course away, audited against the order (and membership) whose grant it was. */
export function removeGrant(db: Db, now: number, grant: Grant, actor: string, detail: Record<string, unknown>): void {
  sql(db, 'DELETE FROM account_has_course WHERE account_id = ? AND course_id = ?').run(grant.accountId, grant.courseId)
  auditGrant(db, now, 'course.revoked', grant, actor, detail)
}

function auditGrant(db: Db, now: number, action: string, grant: Grant, actor: string, detail: Record<string, unknown>) {
  audit(db, now, {
    actor,
    action,
    entityType: 'account_has_course',
    entityId: `${grant.accountId}:${grant.courseId}`,
    orderId: grant.orderId,
    detail: { accountId: grant.accountId, courseId: grant.courseId, ...detail },
  })
}
