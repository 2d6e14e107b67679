import { afterEach, describe, expect, it } from 'vitest'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { advance, customerOnClock, JPY_YEARLY, periodEndOf, sellMembership } from '../helpers/membership-fixtures'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const DAY_MS = 86_400_000

describe('recurring revenue report', () => {
  it('adds memberships and plan parts per month and currency, and totals what is past due', async () => {
    const clock = { now: Date.now() }
    t = await startTestTill({ clock: () => clock.now })
    const { clock: stripeClock } = await customerOnClock(t)
    const membership = await sellMembership(t, JPY_YEARLY)
    const offer = (await t.till.handlers['installments:offers']({})).find((o) => o.currency === 'KWD')!
    const first = await t.till.handlers['installments:start']({ accountId: 1, offerId: offer.id })
    const checkout = await t.till.handlers['payments:startCard']({ orderId: first.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    // The yearly renewal fails: past due with its amount owed.
    const failing = await t.stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: (await t.stripe.customers.list({ email: 'amelia.hart@example.com' })).data[0]!.id })
    await t.stripe.subscriptions.update((await t.till.handlers['memberships:list']({ accountId: 1 }))[0]!.stripeSubscriptionId!, { default_payment_method: failing.id })
    await advance(t, stripeClock, (await periodEndOf(t, membership.membershipId)) + 3600)
    clock.now += 31 * DAY_MS

    const report = await t.till.handlers['reports:recurring']({ months: 12, timeZone: 'UTC' })
    const month = new Date(clock.now - 31 * DAY_MS).toISOString().slice(0, 7)
    expect(report.months).toEqual([
      { month, currency: 'JPY', memberships: 48000, installments: 0 },
      { month, currency: 'KWD', memberships: 0, installments: 15180 },
    ])
    expect(report.pastDue).toEqual([
      { currency: 'JPY', amount: 48000, plans: 0, memberships: 1 },
      { currency: 'KWD', amount: 15160, plans: 1, memberships: 0 },
    ])
  })
})
