import { z } from 'zod'
import type { Account, AppInfo, CardCheckout, Course, OrderDetail, Ownership } from '../domain'
import { channel, id, minorUnits, openChannel, searchText, storedText } from './channel'

/** What the counter uses all day: catalog, customers, orders, cash and card. */
export const salesChannels = {
  'app:info': openChannel<AppInfo>()(z.strictObject({})),
  'catalog:list': channel<Course[]>()(z.strictObject({ query: searchText.optional(), includeInactive: z.boolean().optional() })),
  'customers:search': channel<Account[]>()(z.strictObject({ query: searchText.optional(), limit: z.int().min(1).max(100).optional() })),
  'customers:create': channel<Account>()(
    z.strictObject({
      email: z.email().max(254),
      name: storedText(200).pipe(z.string().min(1)),
      phone: z.string().trim().min(3).max(40).nullable().optional(),
      /** Another customer's referral code: both get the referral bonus on this customer's first qualifying purchase. */
      referralCode: z.string().trim().max(32).optional(),
    }),
  ),
  'orders:create': channel<OrderDetail>()(z.strictObject({ accountId: id, courseIds: z.array(id).max(50), confirmOwned: z.array(id).max(50).optional() })),
  /** The courses a customer owns today (to warn before selling one again). */
  'customers:owned': channel<Ownership[]>()(z.strictObject({ customerId: id })),
  'orders:get': channel<OrderDetail>()(z.strictObject({ orderId: id })),
  'orders:cancel': channel<OrderDetail>()(z.strictObject({ orderId: id })),
  'orders:recordCash': channel<OrderDetail>()(
    // requestKey: one per cash attempt (the renderer makes it), so a repeated or concurrent call records once.
    z.strictObject({ orderId: id, tendered: minorUnits, requestKey: z.string().min(8).max(100).optional() }),
  ),
  'payments:startCard': channel<CardCheckout>()(z.strictObject({ orderId: id })),
  'payments:sync': channel<OrderDetail>()(z.strictObject({ orderId: id })),
  /** Cancels a card attempt stuck waiting for 3-D Secure, so the order can take cash or another card. */
  'payments:abandonCard': channel<OrderDetail>()(z.strictObject({ orderId: id })),
} as const
