import { z } from 'zod'
import type { OrderDetail } from '../domain'
import { channel, id, managerChannel, managerToken, storedText } from './channel'

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
  'settings:discountLimit': channel<{ percent: number }>()(z.strictObject({})),
  'settings:setDiscountLimit': managerChannel<{ percent: number }>()({ percent: z.int().min(0).max(100) }),
} as const
