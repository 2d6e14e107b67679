import { z } from 'zod'
import type { ShiftReport, ShiftState } from '../shifts'
import { channel, id, managerChannel, managerToken, storedText } from './channel'

const currency = z.string().regex(/^[A-Z]{3}$/, 'a currency code such as GBP')
const amounts = z.array(z.strictObject({ currency, amount: z.int().min(0).max(Number.MAX_SAFE_INTEGER) })).max(20)

/** The cash drawer: a shift opened with a float, paid in/out, X reports, closed with a count (manager). */
export const shiftChannels = {
  'shifts:state': channel<ShiftState>()(z.strictObject({})),
  'shifts:open': channel<ShiftState>()(z.strictObject({ floats: amounts })),
  'shifts:move': channel<{ state: ShiftState; report: ShiftReport }>()(
    z.strictObject({ kind: z.enum(['paid_in', 'paid_out']), amount: z.int().positive().max(Number.MAX_SAFE_INTEGER), currency, reason: storedText(200).pipe(z.string().min(1, 'required')) }),
  ),
  /** The open shift's X report now, or a closed shift's saved Z report. */
  'shifts:report': channel<ShiftReport>()(z.strictObject({ shiftId: id })),
  'shifts:close': managerChannel<{ state: ShiftState; report: ShiftReport }>()({ counts: amounts }),
  /** Opens the drawer without a sale, with why; a cashier's needs a manager's session (checked by dispatch when given). */
  'shifts:noSale': channel<ShiftReport>()(z.strictObject({ reason: storedText(200).pipe(z.string().min(1, 'required')), managerToken: managerToken.optional() })),
} as const
