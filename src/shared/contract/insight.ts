import { z } from 'zod'
import {
  MAX_REPORT_DAYS,
  daysInPeriod,
  isIsoDay,
  isTimeZone,
  type CustomerDetail,
  type CustomerOrders,
  type CustomerPage,
  type OrderTimeline,
  type RevenueReport,
} from '../insight'
import { channel, id, searchText } from './channel'

const pageSize = z.int().min(1).max(100)
const isoDay = z.string().refine(isIsoDay, 'a date as YYYY-MM-DD')

/**
 * Reports bucket money by calendar day in the till's time zone. The renderer sends its IANA zone
 * (Intl.DateTimeFormat().resolvedOptions().timeZone) rather than a UTC offset: an offset is wrong for half of
 * any period that crosses a daylight-saving change, a zone gives every day its true start (23 or 25 hours long).
 */
const revenueInput = z
  .strictObject({
    from: isoDay,
    to: isoDay,
    /** Defaults to the shop's zone (Settings), not the zone of the machine asking. */
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Europe/London').optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO currency code such as GBP').optional(),
    /** 'shop': every figure counts this till's money plus the other tills' (shop mode, as of the last pull). */
    scope: z.enum(['till', 'shop']).default('till'),
  })
  .refine((input) => !isIsoDay(input.from) || !isIsoDay(input.to) || input.to >= input.from, { message: '"to" is before "from"', path: ['to'] })
  // A day that is not a date is reported on its own field; measuring a period from it would add a false "366 days".
  .refine((input) => !isIsoDay(input.from) || !isIsoDay(input.to) || daysInPeriod(input.from, input.to) <= MAX_REPORT_DAYS, { message: `a period of at most ${MAX_REPORT_DAYS} days`, path: ['to'] })

// Order detail with its timeline, customers, and reports (owned by the insight area).
export const insightChannels = {
  /** The order's Stripe events and audit rows, merged oldest first, and its review flag. */
  'orders:timeline': channel<OrderTimeline>()(z.strictObject({ orderId: id })),
  /** Customers whose name or email contains the query, by name; totals per currency. */
  'customers:list': channel<CustomerPage>()(
    z.strictObject({
      query: searchText.optional(),
      after: z.strictObject({ name: z.string().max(200), id }).optional(),
      limit: pageSize.optional(),
    }),
  ),
  'customers:get': channel<CustomerDetail>()(z.strictObject({ customerId: id })),
  /** A customer's orders, newest first. */
  'customers:orders': channel<CustomerOrders>()(
    z.strictObject({
      customerId: id,
      before: z.strictObject({ createdAt: z.int().nonnegative().max(Number.MAX_SAFE_INTEGER), id }).optional(),
      limit: pageSize.optional(),
    }),
  ),
  /** Gross, refunds and net per day and per course, per currency, from `from` to `to` (both included). */
  'reports:revenue': channel<RevenueReport>()(revenueInput),
} as const
