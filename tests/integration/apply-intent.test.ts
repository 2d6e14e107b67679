import { afterEach, describe, expect, it } from 'vitest'
import { applyIntent } from '../../src/main/core/payments/apply-intent'
import { inTransaction } from '../../src/main/core/context'
import type { IntentFacts } from '../../src/main/core/payments/intent-status'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

/** Applies one observation of an intent as the till does, in one transaction. */
function apply(intent: IntentFacts, seen: { at: number; fresh: boolean }) {
  const { ctx } = t.till
  return inTransaction(ctx, (queue) => applyIntent({ db: ctx.db, now: ctx.now(), actor: 'test', queue, installationId: ctx.installationId }, intent, seen))
}

describe('applying what Stripe says about an intent', () => {
  it('never moves a succeeded payment back, even for a read of the intent taken before it succeeded', async () => {
    // The race this guards: the direct check (or an event's re-read) reads the intent while it is still declined,
    // the success webhook commits, then the read is applied. A fresh read is trusted over event timestamps, so
    // only "succeeded is final" keeps the sale.
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([1])
    const { paymentIntentId } = await t.call('payments:startCard', { orderId: order.id })
    const declined = await payAs(t.stripe, paymentIntentId, 'pm_card_chargeDeclined')
    expect(declined.status).toBe('requires_payment_method')
    const succeeded = await payAs(t.stripe, paymentIntentId, 'pm_card_visa')
    expect(apply(succeeded, { at: succeeded.created + 10, fresh: false }).outcome).toBe('applied')
    expect(t.detail(order.id).status).toBe('successful')
    const before = snapshot(t.till.ctx.db)

    expect(apply(declined, { at: succeeded.created + 20, fresh: true }).outcome).toBe('skipped')
    expect(apply(declined, { at: succeeded.created + 20, fresh: false }).outcome).toBe('skipped')
    expect(snapshot(t.till.ctx.db)).toBe(before)
    expect(t.detail(order.id)).toMatchObject({ status: 'successful', payments: [{ status: 'succeeded' }] })
  })
})
