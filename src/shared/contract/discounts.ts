import { z } from 'zod'
import type { OrderDetail } from '../domain'
import { MAX_REPORT_DAYS, daysInPeriod, isIsoDay, isTimeZone } from '../insight'
import { channel, id, managerChannel, managerToken, storedText } from './channel'

/** Discounts per currency over a period: how many, and how much they took off (minor units). */
export interface DiscountTotals {
  from: string
  to: string
  timeZone: string
  currencies: Array<{ currency: string; count: number; amount: number }>
}

const isoDay = z.string().refine(isIsoDay, 'a date as YYYY-MM-DD')

/** Discounts at the till: a line of their own, with a reason; above the limit a manager approves on the spot. */
export const discountChannels = {
  'orders:discount': channel<OrderDetail>()(
    z.strictObject({
      orderId: id,
      courseId: id.nullable(),
      kind: z.enum(['percent', 'amount']),
      /** percent: basis points (1000 = 10 %); amount: minor units. */
      value: z.int().positive().max(Number.MAX_SAFE_INTEGER),
      reason: storedText(200).pipe(z.string().min(1, 'required')),
      /** Only needed above the limit: a manager's session, checked by dispatch when given. */
      managerToken: managerToken.optional(),
    }),
  ),
  /** Takes a discount back off an order nothing has been paid on; audited with who removed it. */
  'orders:removeDiscount': channel<OrderDetail>()(z.strictObject({ orderId: id, discountId: id })),
  'settings:discountLimit': channel<{ percent: number }>()(z.strictObject({})),
  'settings:setDiscountLimit': managerChannel<{ percent: number }>()({ percent: z.int().min(0).max(100) }),
  /** Discounts on the sales made (and paid) from `from` to `to`, days in the shop's zone unless one is given. */
  'reports:discounts': channel<DiscountTotals>()(
    z
      .strictObject({
        from: isoDay,
        to: isoDay,
        timeZone: z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Europe/London').optional(),
      })
      .refine((input) => !isIsoDay(input.from) || !isIsoDay(input.to) || input.to >= input.from, { message: '"to" is before "from"', path: ['to'] })
      .refine((input) => !isIsoDay(input.from) || !isIsoDay(input.to) || daysInPeriod(input.from, input.to) <= MAX_REPORT_DAYS, { message: `a period of at most ${MAX_REPORT_DAYS} days`, path: ['to'] }),
  ),
} as const
