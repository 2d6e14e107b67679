import { conflict } from '@shared/errors'
import type { Ownership } from '@shared/domain'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

/**
 * The courses this customer owns today, with the order each came from. In shop mode that is the whole shop's
 * ownership: this till's grants, then (for courses not granted here) any other till's standing grant to the
 * same person (by email) of the same course (by code), as of the last pull — `installation` names that till.
 */
export function ownedCourses(db: Db, accountId: number): Ownership[] {
  const local = sql(
    db,
    `SELECT account_id AS accountId, course_id AS courseId, order_id AS orderId, granted_at AS grantedAt
       FROM account_has_course WHERE account_id = ? ORDER BY course_id`,
  ).all(accountId) as Ownership[]
  const elsewhere = sql(
    db,
    `SELECT a.id AS accountId, c.id AS courseId, min(g.order_id) AS orderId, min(g.granted_at) AS grantedAt, min(g.installation) AS installation
       FROM account a JOIN shop_grant_copy g ON g.email = a.email COLLATE NOCASE AND g.deleted = 0
       JOIN course c ON c.code = g.course_code
      WHERE a.id = ? AND NOT EXISTS (SELECT 1 FROM account_has_course h WHERE h.account_id = a.id AND h.course_id = c.id)
      GROUP BY c.id`,
  ).all(accountId) as Ownership[]
  return elsewhere.length === 0 ? local : [...local, ...elsewhere].sort((x, y) => x.courseId - y.courseId)
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
