import type { DrawerLine, DrawerMovement, NoSaleLine, PersonLine, ShiftReport, TenderLine } from '@shared/shifts'
import { notFound } from '@shared/errors'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

interface ShiftRow {
  id: number
  openedAt: number
  openedBy: string
  closedAt: number | null
  closedBy: string | null
  zReport: string | null
}

export function shiftRow(db: Db, shiftId: number): ShiftRow {
  const row = sql(
    db,
    `SELECT s.id, s.opened_at AS openedAt, o.name AS openedBy, s.closed_at AS closedAt, c.name AS closedBy, s.z_report AS zReport
       FROM shift s JOIN staff o ON o.id = s.opened_by LEFT JOIN staff c ON c.id = s.closed_by WHERE s.id = ?`,
  ).get(shiftId) as ShiftRow | undefined
  if (!row) throw notFound(`Shift ${shiftId} does not exist`)
  return row
}

/** A closed shift's report is the Z report saved when it closed, never recomputed; an open one gets an X report now. */
export function readShiftReport(db: Db, shiftId: number, now: number): ShiftReport {
  const row = shiftRow(db, shiftId)
  if (row.zReport !== null) return JSON.parse(row.zReport) as ShiftReport
  return computeShiftReport(db, row, 'X', now, new Map())
}

/** What went through the shift, from the rows that name it; `counted` is the close's count per currency. */
export function computeShiftReport(db: Db, row: ShiftRow, kind: 'X' | 'Z', now: number, counted: Map<string, number>): ShiftReport {
  const id = row.id
  const floats = sql(db, 'SELECT currency, amount FROM shift_float WHERE shift_id = ?').all(id) as Array<{ currency: string; amount: number }>
  const tenders = sql(
    db,
    `SELECT currency, method, count(*) AS count, sum(amount_received) AS amount FROM payment
      WHERE shift_id = ? AND status = 'succeeded' GROUP BY currency, method ORDER BY currency, method`,
  ).all(id) as TenderLine[]
  const refunds = sql(
    db,
    `SELECT r.currency, p.method, count(*) AS count, sum(r.amount) AS amount FROM refund r JOIN payment p ON p.id = r.payment_id
      WHERE r.shift_id = ? AND r.status = 'succeeded' GROUP BY r.currency, p.method ORDER BY r.currency, p.method`,
  ).all(id) as TenderLine[]
  const movements = sql(
    db,
    `SELECT m.id, m.kind, m.amount, m.currency, m.reason, s.name AS staffName, a.name AS approverName, m.created_at AS at
       FROM drawer_movement m JOIN staff s ON s.id = m.staff_id LEFT JOIN staff a ON a.id = m.approver_id WHERE m.shift_id = ? ORDER BY m.id`,
  ).all(id) as DrawerMovement[]
  const voids = sql(
    db,
    `SELECT currency, count(*) AS count, sum(amount) AS amount FROM purchase_order WHERE shift_id = ? AND status = 'canceled' GROUP BY currency ORDER BY currency`,
  ).all(id) as Array<{ currency: string; count: number; amount: number }>

  const currencies = new Set<string>([...floats.map((f) => f.currency), ...counted.keys(), ...movements.map((m) => m.currency)])
  for (const line of [...tenders, ...refunds]) if (line.method === 'cash') currencies.add(line.currency)
  const sum = (lines: Array<{ currency: string; amount: number }>, currency: string) => lines.filter((l) => l.currency === currency).reduce((total, l) => total + l.amount, 0)
  const cash = (lines: TenderLine[]) => lines.filter((l) => l.method === 'cash')
  const drawer: DrawerLine[] = [...currencies].sort().map((currency) => {
    const float = sum(floats, currency)
    const cashSales = sum(cash(tenders), currency)
    const cashRefunds = sum(cash(refunds), currency)
    const paidIn = sum(movements.filter((m) => m.kind === 'paid_in'), currency)
    const paidOut = sum(movements.filter((m) => m.kind === 'paid_out'), currency)
    const expected = float + cashSales + paidIn - cashRefunds - paidOut
    const count = counted.get(currency)
    return { currency, float, cashSales, cashRefunds, paidIn, paidOut, expected, counted: count ?? null, overShort: count === undefined ? null : count - expected }
  })
  return {
    kind,
    shiftId: id,
    openedAt: row.openedAt,
    openedBy: row.openedBy,
    closedAt: kind === 'Z' ? now : null,
    closedBy: row.closedBy,
    generatedAt: now,
    drawer,
    tenders,
    refunds,
    discounts: sql(
      db,
      `SELECT o.currency, count(*) AS count, sum(d.amount) AS amount FROM order_discount d JOIN purchase_order o ON o.id = d.order_id
        WHERE o.shift_id = ? AND o.status <> 'canceled' GROUP BY o.currency ORDER BY o.currency`,
    ).all(id) as Array<{ currency: string; count: number; amount: number }>,
    voids,
    people: peopleOf(db, id),
    movements,
    noSales: noSalesOf(db, id),
  }
}

function peopleOf(db: Db, shiftId: number): PersonLine[] {
  const tenders = sql(
    db,
    `SELECT staff_id AS staffId, currency, method, count(*) AS count, sum(amount_received) AS amount FROM payment
      WHERE shift_id = ? AND status = 'succeeded' GROUP BY staff_id, currency, method ORDER BY currency, method`,
  ).all(shiftId) as Array<TenderLine & { staffId: number | null }>
  const refunds = sql(
    db,
    `SELECT r.staff_id AS staffId, r.currency, p.method, count(*) AS count, sum(r.amount) AS amount FROM refund r JOIN payment p ON p.id = r.payment_id
      WHERE r.shift_id = ? AND r.status = 'succeeded' GROUP BY r.staff_id, r.currency, p.method ORDER BY r.currency, p.method`,
  ).all(shiftId) as Array<TenderLine & { staffId: number | null }>
  const orders = sql(db, 'SELECT staff_id AS staffId, count(*) AS count FROM purchase_order WHERE shift_id = ? GROUP BY staff_id').all(shiftId) as Array<{ staffId: number | null; count: number }>
  const ids = [...new Set([...tenders, ...refunds, ...orders].map((line) => line.staffId))]
  const strip = ({ staffId: _s, ...line }: TenderLine & { staffId: number | null }): TenderLine => line
  return ids
    .map((staffId) => ({
      staffId,
      name: staffId === null ? 'No one signed in' : ((sql(db, 'SELECT name FROM staff WHERE id = ?').pluck().get(staffId) as string | undefined) ?? `#${staffId}`),
      orders: orders.find((o) => o.staffId === staffId)?.count ?? 0,
      tenders: tenders.filter((t) => t.staffId === staffId).map(strip),
      refunds: refunds.filter((r) => r.staffId === staffId).map(strip),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The drawer opened without a sale in this shift (shifts/no-sale.ts). */
export function noSalesOf(db: Db, shiftId: number): NoSaleLine[] {
  return sql(
    db,
    `SELECT n.id, n.reason, s.name AS staffName, a.name AS approverName, n.created_at AS at
       FROM drawer_no_sale n JOIN staff s ON s.id = n.staff_id LEFT JOIN staff a ON a.id = n.approver_id WHERE n.shift_id = ? ORDER BY n.id`,
  ).all(shiftId) as NoSaleLine[]
}
