import type { ExternalLine, ExternalPayment } from '@shared/external-payments'
import { conflict, invalidInput, notFound } from '@shared/errors'
import { createAccount } from '../accounts'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { courseRow } from './course-match'
import { readExternal } from './read'
import { externalById, logDecision, recordExternalOrder, type ExternalRow } from './record'

export interface AssignInput {
  externalId: number
  /** An existing customer, or one to create from the payment (its email unless another is given). */
  customer: { accountId: number } | { name: string; email?: string }
  /** One course per line of the payment, in order. */
  courseIds: number[]
  actor: string
}

function waiting(row: ExternalRow | undefined, id: number): ExternalRow {
  if (!row) throw notFound(`External payment ${id} does not exist`)
  if (row.status !== 'unmatched') throw conflict(`External payment ${id} was already ${row.status === 'recorded' ? 'recorded as an order' : 'dismissed'}`)
  return row
}

/**
 * A manager places a payment from the inbox: to a customer (found or created) with each line mapped to a course.
 * It becomes a paid order, its courses granted (the manager looked); the decision is logged.
 */
export function assignExternal(ctx: CoreContext, input: AssignInput): ExternalPayment {
  const before = waiting(externalById(ctx.db, input.externalId), input.externalId)
  const stored = JSON.parse(before.lines) as ExternalLine[]
  if (input.courseIds.length !== stored.length) throw invalidInput(`Map each of the ${stored.length} item(s) to a course`)
  for (const courseId of input.courseIds) {
    const course = courseRow(ctx.db, courseId)
    if (!course) throw notFound(`Course ${courseId} does not exist`)
    if (course.currency !== before.currency) throw invalidInput(`"${course.title}" is sold in ${course.currency}; this payment is in ${before.currency}`)
  }
  if (new Set(input.courseIds).size !== input.courseIds.length) throw invalidInput('A course can be mapped to one item only')
  if (!before.stripe_payment_intent_id) throw conflict('Stripe names no PaymentIntent for this payment: dismiss it with a reason instead')
  const accountId =
    'accountId' in input.customer
      ? input.customer.accountId
      : createAccount(ctx, { email: input.customer.email ?? before.email ?? '', name: input.customer.name, actor: input.actor }).id
  return inTransaction(ctx, (queue) => {
    const row = waiting(externalById(ctx.db, input.externalId), input.externalId)
    if (!sql(ctx.db, 'SELECT 1 FROM account WHERE id = ?').get(accountId)) throw notFound(`Customer ${accountId} does not exist`)
    const now = ctx.now()
    const lines = stored.map((line, index) => ({ ...line, courseId: input.courseIds[index]! }))
    logDecision(ctx.db, now, row.id, input.actor, 'assigned', { accountId, courseIds: input.courseIds, createdCustomer: !('accountId' in input.customer) })
    recordExternalOrder({ db: ctx.db, now, actor: input.actor, queue, row, accountId, lines, confirmed: true })
    queue({ type: 'external.changed', externalId: row.id })
    return readExternal(ctx.db, row.id)
  })
}

/** A manager dismisses a payment the till should not record (a test, a refund made in Stripe…), with a reason. */
export function dismissExternal(ctx: CoreContext, input: { externalId: number; reason: string; actor: string }): ExternalPayment {
  const reason = input.reason.trim()
  if (reason.length < 3) throw invalidInput('Say why it is dismissed (at least 3 characters)')
  return inTransaction(ctx, (queue) => {
    const row = waiting(externalById(ctx.db, input.externalId), input.externalId)
    const now = ctx.now()
    sql(ctx.db, "UPDATE external_payment SET status = 'dismissed', dismiss_reason = ?, updated_at = ? WHERE id = ?").run(reason, now, row.id)
    logDecision(ctx.db, now, row.id, input.actor, 'dismissed', { reason })
    queue({ type: 'external.changed', externalId: row.id })
    return readExternal(ctx.db, row.id)
  })
}
