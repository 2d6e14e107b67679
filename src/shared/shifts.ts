// Shifts and the cash drawer as the renderer sees them (core/shifts). Amounts are minor units of their currency.

export interface CurrencyAmount {
  currency: string
  amount: number
}

export interface DrawerLine {
  currency: string
  float: number
  cashSales: number
  cashRefunds: number
  paidIn: number
  paidOut: number
  /** float + cash sales + paid in − cash refunds − paid out. */
  expected: number
  /** Null until the shift is closed with a count. */
  counted: number | null
  /** counted − expected: positive over, negative short. */
  overShort: number | null
}

export interface TenderLine {
  currency: string
  method: 'cash' | 'card'
  count: number
  amount: number
}

export interface PersonLine {
  staffId: number | null
  name: string
  orders: number
  tenders: TenderLine[]
  refunds: TenderLine[]
}

export interface DrawerMovement {
  id: number
  kind: 'paid_in' | 'paid_out'
  amount: number
  currency: string
  reason: string
  staffName: string
  approverName: string | null
  at: number
}

/** An X report (mid-shift, computed now) or the Z report saved when the shift closed. */
export interface ShiftReport {
  kind: 'X' | 'Z'
  shiftId: number
  openedAt: number
  openedBy: string
  closedAt: number | null
  closedBy: string | null
  generatedAt: number
  drawer: DrawerLine[]
  tenders: TenderLine[]
  refunds: TenderLine[]
  discounts: Array<{ currency: string; count: number; amount: number }>
  voids: Array<{ currency: string; count: number; amount: number }>
  people: PersonLine[]
  movements: DrawerMovement[]
  /** The drawer opened without a sale (absent from Z reports saved before no-sales were recorded). */
  noSales?: NoSaleLine[]
}

export interface ShiftSummary {
  id: number
  openedAt: number
  openedBy: string
  closedAt: number | null
  closedBy: string | null
}

export interface ShiftState {
  open: ShiftSummary | null
  /** Most recent closed shifts first. */
  recent: ShiftSummary[]
}

/** The drawer opened without a sale: why, who, and the manager who approved a cashier's. */
export interface NoSaleLine {
  id: number
  reason: string
  staffName: string
  approverName: string | null
  at: number
}
