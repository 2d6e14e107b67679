// Staff accounts and shifts as the renderer sees them (core/staff, core/shifts).

export const STAFF_ROLES = ['cashier', 'manager', 'owner'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export interface StaffPerson {
  id: number
  name: string
  role: StaffRole
}

export interface StaffStatus {
  /** False on a fresh store: the till shows the owner's first-run setup and nothing else. */
  ownerSet: boolean
  /** Active people, for the sign-in tiles. */
  people: StaffPerson[]
}

export interface StaffSession {
  /** Sent as `staffToken` with every call (and as `managerToken` when the person is a manager or owner). */
  token: string
  expiresAt: number
  person: StaffPerson
}

export const canApprove = (role: StaffRole) => role === 'manager' || role === 'owner'

export const ROLE_LABELS: Record<StaffRole, string> = { cashier: 'Cashier', manager: 'Manager', owner: 'Owner' }
