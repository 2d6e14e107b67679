import type { ExternalPayment, ExternalStatus } from '@shared/external-payments'
import { notFound } from '@shared/errors'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import type { ExternalRow } from './record'

function toExternal(db: Db, row: ExternalRow & { dismiss_reason: string | null; stripe_created: number }): ExternalPayment {
  return {
    id: row.id,
    stripeObjectId: row.stripe_object_id,
    source: row.source,
    email: row.email,
    amount: row.amount,
    currency: row.currency,
    lines: JSON.parse(row.lines) as ExternalPayment['lines'],
    status: row.status,
    reason: row.reason,
    accountId: row.account_id,
    orderId: row.order_id,
    dismissReason: row.dismiss_reason,
    paidAt: row.stripe_created * 1000,
    log: (sql(db, 'SELECT at, actor, action, detail FROM external_payment_log WHERE external_payment_id = ? ORDER BY id').all(row.id) as Array<{ at: number; actor: string; action: string; detail: string }>).map(
      (entry) => ({ ...entry, detail: JSON.parse(entry.detail) as Record<string, unknown> }),
    ),
  }
}

export function readExternal(db: Db, id: number): ExternalPayment {
  const row = sql(db, 'SELECT * FROM external_payment WHERE id = ?').get(id) as Parameters<typeof toExternal>[1] | undefined
  if (!row) throw notFound(`External payment ${id} does not exist`)
  return toExternal(db, row)
}

/** The inbox (unmatched first, oldest first), or the payments already placed or dismissed, newest first. */
export function listExternal(db: Db, status: ExternalStatus): ExternalPayment[] {
  const order = status === 'unmatched' ? 'created_at, id' : 'updated_at DESC, id DESC'
  return (sql(db, `SELECT * FROM external_payment WHERE status = ? ORDER BY ${order} LIMIT 200`).all(status) as Array<Parameters<typeof toExternal>[1]>).map((row) => toExternal(db, row))
}
