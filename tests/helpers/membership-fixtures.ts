import type Stripe from 'stripe'
import type { MembershipCheckout } from '../../src/shared/recurring'
import { payAs, type TestTill } from './test-till'

export const DAY = 86_400
// Demo plans (core/memberships/catalog.ts): 1 Small Business Membership £19/month (courses 1, 2, 4),
// 2 Shodō Club ¥48,000/year (course 9), 3 Calligraphy Circle KWD 4.500/month (course 11).
export const GBP_MONTHLY = 1
export const JPY_YEARLY = 2
export const KWD_MONTHLY = 3

/** The customer's Stripe customer made first, on a test clock, so the till finds it by email and time can move. */
export async function customerOnClock(t: TestTill, accountId = 1): Promise<{ clock: Stripe.TestHelpers.TestClock; customer: Stripe.Customer }> {
  const email = t.till.ctx.db.prepare('SELECT email FROM account WHERE id = ?').pluck().get(accountId) as string
  const clock = await t.stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(Date.now() / 1000) })
  const customer = await t.stripe.customers.create({ email, test_clock: clock.id })
  return { clock, customer }
}

/** Sells the membership at the till and pays its first period with the card, as the checkout does. */
export async function sellMembership(t: TestTill, planId: number, card = 'pm_card_visa', accountId = 1): Promise<MembershipCheckout> {
  const checkout = await t.till.handlers['memberships:start']({ accountId, planId })
  await payAs(t.stripe, checkout.paymentIntentId, card)
  await t.deliveriesSettled()
  return checkout
}

export async function periodEndOf(t: TestTill, membershipId: number): Promise<number> {
  const id = t.till.ctx.db.prepare('SELECT stripe_subscription_id FROM recurring_payment WHERE id = ?').pluck().get(membershipId) as string
  return (await t.stripe.subscriptions.retrieve(id)).items.data[0]!.current_period_end
}

export async function advance(t: TestTill, clock: Stripe.TestHelpers.TestClock, to: number): Promise<void> {
  await t.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: to })
  await t.deliveriesSettled()
}

export function owned(t: TestTill, accountId = 1): number[] {
  return t.till.ctx.db.prepare('SELECT course_id FROM account_has_course WHERE account_id = ? ORDER BY course_id').pluck().all(accountId) as number[]
}

export async function membership(t: TestTill, id: number) {
  const list = await t.till.handlers['memberships:list']({ accountId: 1 })
  return list.find((m) => m.id === id)!
}
