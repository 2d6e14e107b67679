import type { Db } from './store/db'
import { sql } from './store/statements'
import { actingApproverId, actingStaffId } from './staff/acting'

export type AuditEntity = 'account' | 'course' | 'purchase_order' | 'payment' | 'refund' | 'account_has_course' | 'setting'

export interface AuditEntry {
  actor: string
  action: string
  entityType: AuditEntity
  entityId: string | number
  orderId?: number | null
  detail?: Record<string, unknown>
}

/**
 * Appends to audit_log; call inside the transaction that makes the change, so both land or neither. The row names
 * the person serving the call and the manager who approved it (staff/acting.ts), when a call is being served.
 */
export function audit(db: Db, at: number, entry: AuditEntry): void {
  sql(
    db,
    `INSERT INTO audit_log (at, actor, action, entity_type, entity_id, order_id, detail, staff_id, approver_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at,
    entry.actor,
    entry.action,
    entry.entityType,
    String(entry.entityId),
    entry.orderId ?? null,
    JSON.stringify(entry.detail ?? {}),
    actingStaffId(),
    actingApproverId(),
  )
}
