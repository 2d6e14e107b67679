import { z } from 'zod'
import type { CreditCoupon, CustomerCredit, ReferralRules } from '../credit'
import type { OrderDetail } from '../domain'
import { channel, id, managerChannel, minorUnits, storedText } from './channel'

const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO currency code such as GBP')
const requestKey = z.string().min(8).max(100)
/** A decimal amount in major units, e.g. "10.00": applied in each order's own currency. */
const majorAmount = z.string().regex(/^\d{1,9}(\.\d{1,3})?$/, 'an amount such as 10.00')
/** A signed, non-zero whole number of minor units (a manager's adjustment adds or takes away). */
const signedMinorUnits = z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).refine((n) => n !== 0, 'an amount other than zero')

/** Store credit (a ledger per customer and currency), referrals and credit coupons. */
export const creditChannels = {
  'credit:get': channel<CustomerCredit>()(z.strictObject({ customerId: id })),
  /** Pays part or all of an order from the customer's credit in the order's currency (one key per attempt). */
  'credit:apply': channel<OrderDetail>()(z.strictObject({ orderId: id, amount: minorUnits, currency, requestKey })),
  'credit:adjust': managerChannel<CustomerCredit>()({
    customerId: id,
    currency,
    amount: signedMinorUnits,
    reason: storedText(500).pipe(z.string().min(3, 'a reason of a few words')),
    requestKey,
  }),
  'coupons:redeem': channel<CustomerCredit>()(z.strictObject({ customerId: id, code: z.string().trim().min(1).max(32) })),
  'coupons:list': managerChannel<CreditCoupon[]>()({}),
  'coupons:create': managerChannel<CreditCoupon>()({
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{4,32}$/, '4 to 32 letters, digits or dashes'),
    amount: minorUnits,
    currency,
    maxRedemptions: z.int().min(1).max(1_000_000).nullable(),
    expiresAt: z.int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
  }),
  'referrals:rules': channel<ReferralRules>()(z.strictObject({})),
  'referrals:setRules': managerChannel<ReferralRules>()({ threshold: majorAmount, bonus: majorAmount }),
  /** Days after which bonus credit (referral bonuses, coupons) granted from now on expires; 0 = never. */
  'credit:expiry': channel<{ days: number }>()(z.strictObject({})),
  'credit:setExpiry': managerChannel<{ days: number }>()({ days: z.int().min(0, '0 (never) or more days').max(3650, 'at most 3650 days') }),
} as const
