import { AppError, conflict } from '@shared/errors'
import type { ShiftReport } from '@shared/shifts'
import { canApprove, type StaffPerson } from '@shared/staff'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { openShiftId } from './drawer'
import { computeShiftReport, shiftRow } from './report'

/**
 * Opens the drawer without a sale. Cash could leave the drawer unseen, so a cashier needs a manager's approval given
 * on the spot (a manager or owner opens it on their own say); the no-sale is recorded against the open shift with
 * why and both people, and shows in the X/Z report.
 */
export function openDrawerNoSale(ctx: CoreContext, person: StaffPerson, approver: StaffPerson | null, reason: string): ShiftReport {
  if (!canApprove(person.role) && !approver) throw new AppError('manager_required', "Opening the drawer without a sale needs a manager's approval")
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const shiftId = openShiftId(db)
    if (shiftId === null) throw conflict('Open a shift first: the drawer is opened only in a shift, which is counted at close')
    const now = ctx.now()
    // A manager approving their own opening is one person: recorded once, as the one who opened it.
    const approverId = approver && approver.id !== person.id ? approver.id : null
    const id = Number(
      sql(db, 'INSERT INTO drawer_no_sale (shift_id, reason, staff_id, approver_id, created_at) VALUES (?, ?, ?, ?, ?)').run(shiftId, reason, person.id, approverId, now).lastInsertRowid,
    )
    audit(db, now, { actor: person.name, action: 'drawer.no_sale', entityType: 'setting', entityId: `shift:${shiftId}`, detail: { noSaleId: id, reason } })
    queue({ type: 'shift.changed', shiftId })
    return computeShiftReport(db, shiftRow(db, shiftId), 'X', now, new Map())
  })
}
