import { AsyncLocalStorage } from 'node:async_hooks'
import type { StaffPerson } from '@shared/staff'

/** Who is acting in the call being served: the person signed in at the till, and the manager who approved it. */
export interface Acting {
  person: StaffPerson | null
  approver: StaffPerson | null
}

// Why a call-scoped store and not a parameter: the person is a property of the call, like its seat, and every audit
// row, order, payment and refund written while serving it must name them — dozens of writers several calls deep
// (settle, grants, refunds after Stripe answers). dispatch sets it once around the handler; writers only read it.
// Work not started by a call (webhooks, catch-up on its timer) runs outside it and names no one, which is true.
const store = new AsyncLocalStorage<Acting>()

export function runActing<T>(acting: Acting, fn: () => T): T {
  return store.run(acting, fn)
}

/** The person serving the current call (the approver when only a manager session was given), or null. */
export function actingStaffId(): number | null {
  const current = store.getStore()
  return current?.person?.id ?? current?.approver?.id ?? null
}

/** The manager who approved the current call, or null. */
export function actingApproverId(): number | null {
  return store.getStore()?.approver?.id ?? null
}
