import { z } from 'zod'
import { REFUND_REASONS, type CatchUpStatus, type ManagerStatus, type ManagerSession, type OrderDetail } from '../domain'
import { channel, id, managerChannel, managerToken, minorUnits, openChannel, storedText } from './channel'

const pin = z.string().regex(/^\d{4,8}$/, 'a PIN of 4 to 8 digits')

/** The manager PIN and what it guards: refunds, revoking courses, catch-up on demand. */
export const managerChannels = {
  // The single manager PIN of earlier versions: it means the first owner's PIN now (see staff:* for people).
  'manager:status': openChannel<ManagerStatus>()(z.strictObject({})),
  'manager:setPin': openChannel<ManagerSession>()(z.strictObject({ pin, currentPin: pin.optional() })),
  'manager:unlock': openChannel<ManagerSession>()(z.strictObject({ pin })),
  'manager:lock': openChannel<ManagerStatus>()(z.strictObject({ managerToken })),
  'payments:refund': managerChannel<OrderDetail>()({
    paymentId: id,
    amount: minorUnits,
    reason: z.enum(REFUND_REASONS),
    note: storedText(500).nullable().optional(),
    requestKey: z.string().min(8).max(100).optional(),
  }),
  /** Refunds one course of a paid order (the price it was sold at) and takes the course back. */
  'payments:refundLine': managerChannel<OrderDetail>()({
    orderId: id,
    courseId: id,
    reason: z.enum(REFUND_REASONS),
    note: storedText(500).nullable().optional(),
    requestKey: z.string().min(8).max(100).optional(),
  }),
  'ownership:revoke': managerChannel<OrderDetail>()({ orderId: id, courseId: id, reason: storedText(200).pipe(z.string().min(1)) }),
  'sync:status': channel<CatchUpStatus>()(z.strictObject({})),
  'sync:run': channel<CatchUpStatus>()(z.strictObject({})),
} as const
