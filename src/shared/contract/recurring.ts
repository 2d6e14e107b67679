import { z } from 'zod'
import type { InstallmentOffer, InstallmentPlan, Membership, MembershipCheckout, MembershipPlan, RecurringReport } from '../recurring'
import { isTimeZone } from '../insight'
import type { OrderDetail } from '../domain'
import { channel, id, managerChannel } from './channel'

export const MAX_GRACE_DAYS = 90

export interface InstallmentSettings {
  autoCharge: boolean
  graceDays: number
}

/** Memberships (recurring billing) and payment plans (a course in parts). */
export const recurringChannels = {
  'memberships:plans': channel<MembershipPlan[]>()(z.strictObject({})),
  'memberships:start': channel<MembershipCheckout>()(z.strictObject({ accountId: id, planId: id })),
  'memberships:list': channel<Membership[]>()(z.strictObject({ accountId: id })),
  'memberships:cancelAtPeriodEnd': channel<Membership>()(z.strictObject({ membershipId: id, cancel: z.boolean() })),
  'memberships:cancelNow': managerChannel<Membership>()({ membershipId: id, refundLastPeriod: z.boolean() }),
  'installments:offers': channel<InstallmentOffer[]>()(z.strictObject({})),
  'installments:start': channel<OrderDetail>()(z.strictObject({ accountId: id, offerId: id })),
  'installments:list': channel<InstallmentPlan[]>()(z.strictObject({ accountId: id })),
  /** The order covering what is past due (or everything outstanding); paid like any order, by card or cash. */
  'installments:pay': channel<OrderDetail>()(z.strictObject({ planId: id, scope: z.enum(['past_due', 'all']) })),
  'installments:settings': channel<InstallmentSettings>()(z.strictObject({})),
  'installments:setAutoCharge': managerChannel<{ autoCharge: boolean }>()({ enabled: z.boolean() }),
  /** Days a plan's part may be late before the plan's course is suspended; access is reviewed at once. */
  'installments:setGraceDays': managerChannel<InstallmentSettings>()({
    graceDays: z.int('whole days, such as 7').min(0, 'at least 0 days').max(MAX_GRACE_DAYS, `at most ${MAX_GRACE_DAYS} days`),
  }),
  'reports:recurring': channel<RecurringReport>()(
    z.strictObject({
      months: z.int().min(1).max(36),
      timeZone: z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Europe/London'),
    }),
  ),
} as const
