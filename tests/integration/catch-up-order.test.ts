// Catch-up hands many events to `process` at once (so the commit batcher can group them) but keeps each
// PaymentIntent's events strictly in order, and stops at a failure as the one-at-a-time loop did.

import type Stripe from 'stripe'
import type { StripeGateway } from '../../src/main/core/stripe/gateway'
import { describe, expect, it } from 'vitest'
import type { CardPayments } from '../../src/main/core/payments/card-payment'
import { createCatchUp } from '../../src/main/core/payments/catch-up'
import type { StripeEventEnvelope } from '../../src/main/core/payments/event-envelope'
import type { ProcessResult } from '../../src/main/core/payments/process-event'
import type { Refunds } from '../../src/main/core/payments/refunds'
import { tempStore } from '../helpers/temp-store'

function intentEvent(id: string, intent: string, created: number): StripeEventEnvelope {
  return { id, object: 'event', type: 'payment_intent.succeeded', created, data: { object: { id: intent, object: 'payment_intent' } } }
}

function refundEvent(id: string, intent: string, created: number): StripeEventEnvelope {
  return { id, object: 'event', type: 'refund.created', created, data: { object: { id: `re_${id}`, object: 'refund', payment_intent: intent } } }
}

/** Stripe's answer to an events listing: newest first, whatever the parameters. */
function stripeListing(events: StripeEventEnvelope[]): Pick<StripeGateway, 'listEvents'> {
  return {
    async *listEvents() {
      yield* [...events].reverse() as unknown as Stripe.Event[]
    },
  }
}

function catchUpOver(events: StripeEventEnvelope[], process: (event: StripeEventEnvelope) => Promise<ProcessResult>) {
  const { ctx } = tempStore()
  return createCatchUp({
    ctx,
    gateway: stripeListing(events),
    process,
    payments: { syncOrderPayments: () => Promise.reject(new Error('no open orders expected')) } as unknown as CardPayments,
    refunds: { retryPendingRefunds: () => Promise.resolve(0) } as unknown as Refunds,
  })
}

const applied: ProcessResult = { outcome: 'applied', duplicate: false }

describe('catch-up applying many events at once', () => {
  it("keeps each intent's events in order while other intents go ahead", async () => {
    const events = [
      intentEvent('evt_1', 'pi_a', 100),
      intentEvent('evt_2', 'pi_b', 100),
      refundEvent('evt_3', 'pi_a', 101),
      refundEvent('evt_4', 'pi_b', 101),
      intentEvent('evt_5', 'pi_c', 102),
    ]
    const log: string[] = []
    let bDone!: () => void
    const bFinished = new Promise<void>((resolve) => (bDone = resolve))
    const status = await catchUpOver(events, async (event) => {
      log.push(`start ${event.id}`)
      // evt_1 goes back to Stripe (a re-read): pi_b's events need not wait for it, pi_a's next one must.
      if (event.id === 'evt_1') await Promise.race([bFinished, new Promise((resolve) => setTimeout(resolve, 1000))])
      if (event.id === 'evt_4') bDone()
      log.push(`end ${event.id}`)
      return applied
    }).run()

    expect(status).toMatchObject({ state: 'idle', eventsListed: 5, eventsApplied: 5, lastError: null })
    expect(log.indexOf('end evt_4')).toBeLessThan(log.indexOf('end evt_1'))
    expect(log.indexOf('start evt_3')).toBeGreaterThan(log.indexOf('end evt_1'))
    expect(log.filter((entry) => entry.startsWith('start'))).toHaveLength(5)
  })

  it('stops at a failure: later events of that intent are not applied, and the error is reported', async () => {
    const events = [intentEvent('evt_1', 'pi_a', 100), intentEvent('evt_2', 'pi_b', 100), refundEvent('evt_3', 'pi_a', 101)]
    const started: string[] = []
    const status = await catchUpOver(events, async (event) => {
      started.push(event.id)
      if (event.id === 'evt_1') throw new Error('ledger write failed')
      return applied
    }).run()

    expect(status).toMatchObject({ state: 'failed', lastError: 'ledger write failed', eventsApplied: 1 })
    expect(started).toEqual(['evt_1', 'evt_2'])
  })
})
