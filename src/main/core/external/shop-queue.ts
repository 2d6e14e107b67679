import type { ApplyContext, ApplyOutcome } from '../payments/apply-intent'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { placeExternal, type ExternalFacts } from './apply-external'

type Result = { outcome: ApplyOutcome; orderId: number | null }

/** Shop mode is on when the outbox has been installed (core/shop/outbox-triggers.ts marks it seeded). */
export const inShopMode = (db: Db) => sql(db, 'SELECT seeded_at FROM shop_sync_state WHERE singleton = 1').pluck().get() !== null

/**
 * Alone, a till places an outside payment at once. In shop mode every till of the shop gets its webhook, so it is
 * queued instead (external_claim, in the event's transaction) and placed only by the till the shop book names
 * (core/shop/claim-external.ts): one till records it. One with no PaymentIntent cannot be claimed by it and is
 * placed here as before (it can only wait in the inbox: Stripe took no money through it that we can name).
 */
export function placeOrQueue(ctx: ApplyContext, facts: ExternalFacts): Result {
  if (!facts.paymentIntent || !inShopMode(ctx.db)) return placeExternal(ctx, facts)
  sql(
    ctx.db,
    `INSERT INTO external_claim (stripe_object_id, stripe_payment_intent_id, facts, amount, currency, stripe_created, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(facts.objectId, facts.paymentIntent, JSON.stringify(facts), facts.amount, facts.currency, facts.created, ctx.now)
  // Queued once however many of its events arrive (completed, then async_payment_succeeded; a replay).
  return { outcome: 'applied', orderId: null }
}
