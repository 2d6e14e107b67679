import { afterEach, describe, expect, it } from 'vitest'
import { processStripeEvent } from '../../src/main/core/payments/process-event'
import type { TimelineEntry } from '../../src/shared/insight'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const label = (e: TimelineEntry) => (e.kind === 'stripe' ? `stripe:${e.type}` : `audit:${e.action}`)
const indexOf = (entries: TimelineEntry[], name: string) => entries.findIndex((e) => label(e) === name)

describe('orders:timeline', () => {
  it("merges the order's Stripe events and audit rows, oldest first, through a card sale and a card refund", async () => {
    t = await startTestTill()
    const order = t.order([1, 2])
    const other = t.order([3])
    const checkout = await t.call('payments:startCard', { orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    const token = await t.managerToken()
    await t.call('payments:refund', { paymentId: checkout.paymentId, amount: 1000, reason: 'requested_by_customer', requestKey: 'refund-key-1', managerToken: token })
    await t.deliveriesSettled()

    const timeline = await t.call('orders:timeline', { orderId: order.id })
    expect(timeline).toMatchObject({ orderId: order.id, reviewReason: null, truncated: false })
    const { entries } = timeline
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.at).toBeGreaterThanOrEqual(entries[i - 1]!.at)
    expect(label(entries[0]!)).toBe('audit:order.created')
    // The event Stripe told us the payment succeeded with comes before what applying it did.
    const firstApplied = entries.findIndex((e) => e.kind === 'stripe' && e.outcome === 'applied')
    expect(entries[firstApplied]).toMatchObject({ kind: 'stripe', error: null, eventId: expect.stringMatching(/^evt_/), type: expect.stringMatching(/^(charge|payment_intent)\.succeeded$/) })
    const applied = entries[firstApplied] as Extract<TimelineEntry, { kind: 'stripe' }>
    expect(applied.receivedAt).toBeGreaterThanOrEqual(applied.at)
    expect(label(entries[firstApplied + 1]!)).toBe('audit:payment.status_changed')
    const positions = ['audit:order.created', 'audit:payment.card_started', 'audit:payment.status_changed', 'audit:course.granted', 'audit:refund.requested', 'audit:refund.status_changed'].map((name) => indexOf(entries, name))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(firstApplied).toBeGreaterThan(positions[1]!)
    expect(firstApplied).toBeLessThan(positions[2]!)
    const requested = entries.find((e) => e.kind === 'audit' && e.action === 'refund.requested')
    expect(requested).toMatchObject({ actor: 'manager', entityType: 'refund', detail: { paymentId: checkout.paymentId, amount: 1000, method: 'card', reason: 'requested_by_customer' } })
    // Nothing of the other order leaks in; every row the store has for this order is there.
    const expectedCount = t.count('audit_log', `order_id = ${order.id}`) + t.count('stripe_event', `order_id = ${order.id}`)
    expect(entries).toHaveLength(expectedCount)
    expect((await t.call('orders:timeline', { orderId: other.id })).entries.map(label)).toEqual(['audit:order.created'])
  })

  it('shows the review flag and the Stripe event that raised it', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([1])
    const checkout = await t.call('payments:startCard', { orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    const intent = await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)
    const event = { id: 'evt_short_paid', type: 'payment_intent.succeeded', created: intent.created, data: { object: { ...intent, amount_received: 100 } } }
    await processStripeEvent({ ctx: t.till.ctx, reader: null }, event)
    const timeline = await t.call('orders:timeline', { orderId: order.id })
    expect(timeline.reviewReason).toMatch(/collected 100 minor units/)
    expect(timeline.entries.find((e) => e.kind === 'stripe')).toMatchObject({ eventId: 'evt_short_paid', outcome: 'review', created: intent.created })
    expect(timeline.entries.map(label)).toContain('audit:order.flagged_for_review')
  })

  it('refuses unknown and malformed orders without writing', async () => {
    t = await startTestTill()
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('orders:timeline', { orderId: 424242 })).rejects.toMatchObject({ code: 'not_found', message: 'Order 424242 does not exist' })
    for (const input of [{ orderId: 0 }, { orderId: 1.5 }, { orderId: '1' }, {}, { orderId: 1, extra: true }]) {
      await expect(t.call('orders:timeline', input as never)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/Invalid input for orders:timeline/) })
    }
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })
})
