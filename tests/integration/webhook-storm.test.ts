import Stripe from 'stripe'
import { afterEach, describe, expect, it } from 'vitest'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import { snapshot } from '../helpers/temp-store'
import { authenticate, payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

/** Every subscribed event the sandbox produced: what the ledger must hold, no more, no less. */
async function subscribedEventIds(stripe: Stripe): Promise<string[]> {
  const ids: string[] = []
  for await (const event of stripe.events.list({ types: [...SUBSCRIBED_EVENTS], limit: 100 })) ids.push(event.id)
  return ids.sort()
}

describe('webhook storms', () => {
  it('every event five times, shuffled: one payment per intent, one grant per course, ledger = unique events', async () => {
    t = await startTestTill({ delivery: { copies: 5, shuffle: true } })
    const sandboxUrl = t.till.payments.sandbox!.url
    const plan: Array<{ account: number; courses: number[]; cards: string[]; challenge?: 'complete' }> = [
      { account: 1, courses: [1, 2], cards: ['pm_card_visa'] },
      { account: 2, courses: [6], cards: ['pm_card_chargeDeclinedInsufficientFunds', 'pm_card_visa'] },
      { account: 3, courses: [9, 10], cards: ['pm_card_chargeDeclined', 'pm_card_chargeDeclinedExpiredCard', 'pm_card_visa'] },
      { account: 4, courses: [11], cards: ['pm_card_authenticationRequired'], challenge: 'complete' },
      { account: 5, courses: [3, 4, 5], cards: ['pm_card_visa'] },
      { account: 1, courses: [3], cards: ['pm_card_visa'] },
    ]
    const orders = []
    for (const step of plan) {
      const order = t.order(step.courses, step.account)
      const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
      for (const card of step.cards) await payAs(t.stripe, checkout.paymentIntentId, card)
      if (step.challenge) await authenticate(t.stripe, sandboxUrl, checkout.paymentIntentId, step.challenge)
      orders.push(order)
    }
    await t.deliveriesSettled()

    expect(orders.map((o) => t.detail(o.id).status)).toEqual(orders.map(() => 'successful'))
    const intents = (await t.stripe.paymentIntents.list({ limit: 100 })).data
    expect(t.count('payment')).toBe(intents.length)
    expect(t.count('payment')).toBe(plan.length)
    const expectedGrants = new Set(plan.flatMap((p) => p.courses.map((c) => `${p.account}:${c}`)))
    expect(t.count('account_has_course')).toBe(expectedGrants.size)
    expect(t.count('audit_log', "action = 'course.granted'")).toBe(expectedGrants.size)
    const ledger = t.till.ctx.db.prepare('SELECT id FROM stripe_event ORDER BY id').pluck().all()
    expect(ledger).toEqual(await subscribedEventIds(t.stripe))
    expect(t.count('stripe_event', "outcome = 'failed'")).toBe(0)
  })

  it('the whole history replayed concurrently, three copies at once, changes nothing', async () => {
    t = await startTestTill()
    for (const courses of [[1], [2, 4], [9]]) {
      const order = t.order(courses)
      const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
      await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_chargeDeclined')
      await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    }
    await t.deliveriesSettled()
    const before = snapshot(t.till.ctx.db)
    const secret = (JSON.parse(t.till.ctx.db.prepare("SELECT value FROM app_setting WHERE key = 'sandbox_webhook_endpoint'").pluck().get() as string) as { secret: string }).secret
    const events = (await t.stripe.events.list({ types: [...SUBSCRIBED_EVENTS], limit: 100 })).data
    expect(events.length).toBeGreaterThan(6)
    const sends = events.flatMap((event) =>
      [1, 2, 3].map(async () => {
        const body = JSON.stringify(event)
        const response = await fetch(t.till.payments.webhook.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Stripe-Signature': t.stripe.webhooks.generateTestHeaderString({ payload: body, secret }) },
          body,
        })
        return (await response.json()) as { duplicate: boolean }
      }),
    )
    const answers = await Promise.all(sends)
    expect(answers.every((a) => a.duplicate)).toBe(true)
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })
})
