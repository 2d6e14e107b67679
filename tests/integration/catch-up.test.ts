import { afterEach, describe, expect, it } from 'vitest'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

describe('catching up on missed webhooks', () => {
  it('applies, on the next start, events produced while no webhook could reach the till', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const orders = [t.order([1]), t.order([2], 2), t.order([9], 3)]
    for (const order of orders) {
      const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
      await payAs(t.stripe, checkout.paymentIntentId, order.id === orders[1]!.id ? 'pm_card_chargeDeclined' : 'pm_card_visa')
    }
    expect(orders.map((o) => t.detail(o.id).status)).toEqual(['pending', 'pending', 'pending'])
    expect(t.count('stripe_event')).toBe(0)

    const dataDir = t.dataDir
    await t.close()
    t = await startTestTill({ dataDir, delivery: { enabled: false } })
    const status = await t.till.handlers['sync:run']({})
    expect(status).toMatchObject({ state: 'idle', lastError: null })
    expect(status.eventsApplied).toBeGreaterThanOrEqual(3)
    expect(orders.map((o) => t.detail(o.id).status)).toEqual(['successful', 'failed', 'successful'])
    expect(t.detail(orders[1]!.id).payments[0]).toMatchObject({ failureCode: 'generic_decline' })
    expect(t.count('account_has_course')).toBe(2)

    // Nothing is applied twice: a second run finds every event in the ledger.
    const ledger = t.count('stripe_event')
    const again = await t.till.handlers['sync:run']({})
    expect(again.eventsApplied).toBe(0)
    expect(again.eventsListed).toBeGreaterThan(0)
    expect(t.count('stripe_event')).toBe(ledger)
    expect(t.count('audit_log', "action = 'course.granted'")).toBe(2)
  })

  it('closes an open payment whose intent the connected Stripe account does not know, and checks the others', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const ghost = t.order([1])
    const real = t.order([2])
    await t.till.handlers['payments:startCard']({ orderId: ghost.id })
    const checkout = await t.till.handlers['payments:startCard']({ orderId: real.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    // As after a switch from the sandbox to real keys: the row names an intent this account never made.
    t.till.ctx.db.prepare("UPDATE payment SET stripe_payment_intent_id = 'pi_from_another_account' WHERE order_id = ?").run(ghost.id)
    t.till.ctx.db.prepare('UPDATE payment SET updated_at = updated_at - 600000').run()
    t.till.ctx.db.prepare("INSERT INTO stripe_event (id, type, created, received_at, outcome) VALUES ('evt_future_marker', 'x', ?, 0, 'unhandled')").run(Math.floor(Date.now() / 1000) + 3600)
    const status = await t.till.handlers['sync:run']({})
    expect(status).toMatchObject({ state: 'idle', intentsChecked: 2, lastError: null })
    expect(t.detail(real.id).status).toBe('successful')
    expect(t.detail(ghost.id)).toMatchObject({ status: 'pending', payments: [{ status: 'canceled', failureCode: 'intent_missing' }] })
    const again = await t.till.handlers['payments:startCard']({ orderId: ghost.id })
    expect(again.paymentIntentId).toMatch(/^pi_/)
    expect(again.paymentIntentId).not.toBe('pi_from_another_account')
  })

  it('re-reads intents left open, and reports progress', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([1])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    // Make the payment look untouched for ten minutes and hide the events, so only the re-read can settle it.
    t.till.ctx.db.prepare('UPDATE payment SET updated_at = updated_at - 600000').run()
    t.till.ctx.db.prepare("INSERT INTO stripe_event (id, type, created, received_at, outcome) VALUES ('evt_future_marker', 'x', ?, 0, 'unhandled')").run(Math.floor(Date.now() / 1000) + 3600)
    const status = await t.till.handlers['sync:run']({})
    expect(status).toMatchObject({ state: 'idle', eventsApplied: 0, intentsChecked: 1 })
    expect(t.detail(order.id).status).toBe('successful')
    expect(t.till.handlers['sync:status']({})).toMatchObject({ state: 'idle', intentsChecked: 1 })
  })
})
