import type { ExternalLine } from '@shared/external-payments'
import type { LiveEvent } from '@shared/domain'
import { audit } from '../audit'
import { flagForReview } from '../payments/apply-intent'
import { settleOrder } from '../orders/settle'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { courseRow, priceMismatch } from './course-match'

export interface ExternalRow {
  id: number
  stripe_object_id: string
  source: 'checkout_session' | 'invoice'
  email: string | null
  stripe_customer_id: string | null
  stripe_payment_intent_id: string | null
  amount: number
  currency: string
  lines: string
  status: 'recorded' | 'unmatched' | 'dismissed'
  reason: string | null
  account_id: number | null
  order_id: number | null
}

export const externalById = (db: Db, id: number) => sql(db, 'SELECT * FROM external_payment WHERE id = ?').get(id) as ExternalRow | undefined

export function logDecision(db: Db, at: number, externalId: number, actor: string, action: string, detail: Record<string, unknown> = {}) {
  sql(db, 'INSERT INTO external_payment_log (external_payment_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)').run(externalId, at, actor, action, JSON.stringify(detail))
}

export interface RecordInput {
  db: Db
  now: number
  actor: string
  queue: (event: LiveEvent) => void
  row: ExternalRow
  accountId: number
  lines: ExternalLine[]
  /** A manager placed it by hand: the courses are granted whatever Stripe charged (they looked). */
  confirmed: boolean
}

/**
 * Makes the paid order an external payment stands for: its courses (each once), one card payment with the
 * payment's PaymentIntent, paid. Ownership follows when Stripe charged the store's prices (or a manager placed
 * it); otherwise the order is held for review and grants nothing until a manager has looked.
 */
export function recordExternalOrder(input: RecordInput): number {
  const { db, now, actor, queue, row } = input
  const courses = [...new Set(input.lines.map((line) => line.courseId).filter((id): id is number => id !== null))]
  const orderId = Number(
    sql(db, `INSERT INTO purchase_order (account_id, amount, currency, status, kind, created_at, updated_at) VALUES (?, ?, ?, 'pending', 'sale', ?, ?)`).run(
      input.accountId,
      row.amount,
      row.currency,
      now,
      now,
    ).lastInsertRowid,
  )
  for (const courseId of courses) {
    const course = courseRow(db, courseId)!
    const charged = input.lines.filter((line) => line.courseId === courseId).reduce((sum, line) => sum + line.amount, 0)
    sql(db, 'INSERT INTO purchase_order_item (order_id, course_id, title, unit_amount) VALUES (?, ?, ?, ?)').run(orderId, courseId, course.title, charged > 0 ? charged : course.price_amount)
  }
  const paymentId = Number(
    sql(
      db,
      `INSERT INTO payment (order_id, method, amount, amount_received, currency, status, stripe_payment_intent_id, created_at, updated_at)
       VALUES (?, 'card', ?, ?, ?, 'succeeded', ?, ?, ?)`,
    ).run(orderId, row.amount, row.amount, row.currency, row.stripe_payment_intent_id, now, now).lastInsertRowid,
  )
  sql(db, "UPDATE external_payment SET status = 'recorded', account_id = ?, order_id = ?, lines = ?, updated_at = ? WHERE id = ?").run(input.accountId, orderId, JSON.stringify(input.lines), now, row.id)
  audit(db, now, { actor, action: 'order.external_recorded', entityType: 'purchase_order', entityId: orderId, orderId, detail: { stripeObject: row.stripe_object_id, paymentIntent: row.stripe_payment_intent_id, amount: row.amount, currency: row.currency, courses } })
  queue({ type: 'payment.changed', orderId, paymentId, status: 'succeeded' })
  const mismatch = input.confirmed ? null : priceMismatch(db, input.lines, row.amount, row.currency)
  if (mismatch) {
    flagForReview(db, now, orderId, actor, `Paid outside the till: ${mismatch}`)
    sql(db, 'UPDATE external_payment SET reason = ? WHERE id = ?').run(mismatch, row.id)
  }
  logDecision(db, now, row.id, actor, mismatch ? 'recorded_for_review' : 'recorded', { orderId, ...(mismatch ? { reason: mismatch } : {}) })
  settleOrder(db, now, orderId, actor, queue)
  return orderId
}
