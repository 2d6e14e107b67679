import { conflict } from '@shared/errors'
import type { Ownership } from '@shared/domain'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

/** The courses (of those given, or all) this customer owns today, with the order each came from. */
export function ownedCourses(db: Db, accountId: number): Ownership[] {
  return sql(
    db,
    `SELECT account_id AS accountId, course_id AS courseId, order_id AS orderId, granted_at AS grantedAt
       FROM account_has_course WHERE account_id = ? ORDER BY course_id`,
  ).all(accountId) as Ownership[]
}

/**
 * Selling a course to a customer who already owns it takes money for nothing: refused unless staff confirmed
 * each such course by id (the customer wants it again, e.g. as a gift they will pass on).
 */
export function refuseUnconfirmedResale(db: Db, accountId: number, courseIds: readonly number[], confirmed: readonly number[]): void {
  const owned = new Set(ownedCourses(db, accountId).map((o) => o.courseId))
  const unconfirmed = courseIds.filter((id) => owned.has(id) && !confirmed.includes(id))
  if (unconfirmed.length > 0) {
    throw conflict(`The customer already owns ${unconfirmed.length === 1 ? 'one of these courses' : `${unconfirmed.length} of these courses`}: confirm to sell again`, {
      field: 'courseIds',
      alreadyOwned: unconfirmed,
    })
  }
}
