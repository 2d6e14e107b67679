import type { CurrencyAmount, ShiftReport, ShiftState, ShiftSummary } from '@shared/shifts'
import { conflict, invalidInput } from '@shared/errors'
import { formatMoney } from '@shared/money'
import type { StaffPerson } from '@shared/staff'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import { sql } from '../store/statements'
import { openShiftId } from './drawer'
import { computeShiftReport, shiftRow } from './report'

// ISO 4217 as the runtime knows it: a drawer holds real notes, so a well-formed but unknown code (XYZ) is refused.
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'))
const isCurrencyCode = (code: string) => ISO_CURRENCIES.has(code)

const SUMMARY = `SELECT s.id, s.opened_at AS openedAt, o.name AS openedBy, s.closed_at AS closedAt, c.name AS closedBy
                   FROM shift s JOIN staff o ON o.id = s.opened_by LEFT JOIN staff c ON c.id = s.closed_by`

export function shiftState(ctx: CoreContext): ShiftState {
  const open = (sql(ctx.db, `${SUMMARY} WHERE s.closed_at IS NULL`).get() as ShiftSummary | undefined) ?? null
  const recent = sql(ctx.db, `${SUMMARY} WHERE s.closed_at IS NOT NULL ORDER BY s.id DESC LIMIT 20`).all() as ShiftSummary[]
  return { open, recent }
}

/** One amount per currency, each a known currency and a whole number of minor units; refused whole otherwise. */
function perCurrency(lines: readonly CurrencyAmount[], what: string): Map<string, number> {
  const amounts = new Map<string, number>()
  for (const { currency, amount } of lines) {
    if (!isCurrencyCode(currency)) throw invalidInput(`${currency} is not a currency the till knows`, { field: currency })
    if (!Number.isSafeInteger(amount) || amount < 0) throw invalidInput(`The ${what} in ${currency} must be zero or more`, { field: currency })
    if (amounts.has(currency)) throw invalidInput(`${currency} is counted twice`, { field: currency })
    amounts.set(currency, amount)
  }
  return amounts
}

/** Opens the drawer: the float counted into it, per currency. Only one shift is open at a time. */
export function openShift(ctx: CoreContext, person: StaffPerson, floats: readonly CurrencyAmount[]): ShiftState {
  const amounts = perCurrency(floats, 'float')
  inTransaction(ctx, (queue) => {
    const { db } = ctx
    if (openShiftId(db) !== null) throw conflict('A shift is already open at this till: close it first')
    const now = ctx.now()
    const id = Number(sql(db, 'INSERT INTO shift (opened_at, opened_by) VALUES (?, ?)').run(now, person.id).lastInsertRowid)
    for (const [currency, amount] of amounts) sql(db, 'INSERT INTO shift_float (shift_id, currency, amount) VALUES (?, ?, ?)').run(id, currency, amount)
    audit(db, now, { actor: person.name, action: 'shift.opened', entityType: 'setting', entityId: `shift:${id}`, detail: { floats: Object.fromEntries(amounts) } })
    queue({ type: 'shift.changed', shiftId: id })
  })
  return shiftState(ctx)
}

/** Cash put in or taken out of the drawer for something other than a sale (change run, a courier…), with why. */
export function moveCash(ctx: CoreContext, person: StaffPerson, input: { kind: 'paid_in' | 'paid_out'; amount: number; currency: string; reason: string }): ReportAndState {
  if (!isCurrencyCode(input.currency)) throw invalidInput(`${input.currency} is not a currency the till knows`, { field: 'currency' })
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw invalidInput('The amount must be more than zero', { field: 'amount' })
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const shiftId = openShiftId(db)
    if (shiftId === null) throw conflict('Open a shift first: cash goes through the drawer, which is counted at close')
    const now = ctx.now()
    const report = computeShiftReport(db, shiftRow(db, shiftId), 'X', now, new Map())
    const inDrawer = report.drawer.find((line) => line.currency === input.currency)?.expected ?? 0
    if (input.kind === 'paid_out' && input.amount > inDrawer) {
      throw invalidInput(`The drawer should hold only ${formatMoney(inDrawer, input.currency)}: it cannot pay out more`, { field: 'amount', inDrawer })
    }
    const id = Number(
      sql(db, 'INSERT INTO drawer_movement (shift_id, kind, amount, currency, reason, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        shiftId,
        input.kind,
        input.amount,
        input.currency,
        input.reason,
        person.id,
        now,
      ).lastInsertRowid,
    )
    audit(db, now, { actor: person.name, action: `drawer.${input.kind}`, entityType: 'setting', entityId: `shift:${shiftId}`, detail: { movementId: id, amount: input.amount, currency: input.currency, reason: input.reason } })
    queue({ type: 'shift.changed', shiftId })
    return { state: shiftState(ctx), report: computeShiftReport(db, shiftRow(db, shiftId), 'X', now, new Map()) }
  })
}

export interface ReportAndState {
  state: ShiftState
  report: ShiftReport
}

/**
 * Closes the drawer: the count per currency against what should be there. Every currency the drawer held needs a
 * count. The Z report is computed in the same transaction and saved with the shift, which cannot change after.
 */
export function closeShift(ctx: CoreContext, closer: StaffPerson, counts: readonly CurrencyAmount[]): ReportAndState {
  const counted = perCurrency(counts, 'count')
  return inTransaction(ctx, (queue) => {
    const { db } = ctx
    const shiftId = openShiftId(db)
    if (shiftId === null) throw conflict('No shift is open at this till')
    const now = ctx.now()
    const expected = computeShiftReport(db, shiftRow(db, shiftId), 'X', now, new Map())
    const missing = expected.drawer.filter((line) => !counted.has(line.currency)).map((line) => line.currency)
    if (missing.length > 0) throw invalidInput(`Count the ${missing.join(', ')} in the drawer too`, { field: missing[0], missing })
    const row = { ...shiftRow(db, shiftId), closedBy: closer.name }
    const z = computeShiftReport(db, row, 'Z', now, counted)
    for (const line of z.drawer) sql(db, 'INSERT INTO shift_count (shift_id, currency, expected, counted) VALUES (?, ?, ?, ?)').run(shiftId, line.currency, line.expected, line.counted!)
    sql(db, 'UPDATE shift SET closed_at = ?, closed_by = ?, z_report = ? WHERE id = ?').run(now, closer.id, JSON.stringify(z), shiftId)
    audit(db, now, {
      actor: closer.name,
      action: 'shift.closed',
      entityType: 'setting',
      entityId: `shift:${shiftId}`,
      detail: { drawer: z.drawer.map(({ currency, expected: e, counted: c, overShort }) => ({ currency, expected: e, counted: c, overShort })) },
    })
    queue({ type: 'shift.changed', shiftId })
    return { state: shiftState(ctx), report: z }
  })
}
