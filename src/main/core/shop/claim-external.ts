import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { SHOP_CHANGED_CHANNEL, takeShopWriteLock, type ShopDatabase } from './shop-database'
import { inTransaction, type CoreContext } from '../context'
import { placeExternal, type ExternalFacts } from '../external/apply-external'

// A payment no till made (an external payment on the shop's Stripe account) reaches every till's webhook. Each
// queues it in its own store with the event (so nothing is lost while the shop database is away); the shop then
// records it once, whichever till's insert lands first, through shop_external_payment's primary key.

interface Unowned {
  id: string
  amount: number
  currency: string
}

/** In the event's transaction; only in shop mode (the outbox is installed), else nothing changes. */
export function queueUnownedPayment(db: Db, intent: Unowned & { amount_received?: number | null }, now: number): void {
  sql(
    db,
    `INSERT INTO unowned_payment (stripe_payment_intent_id, amount, currency, stripe_created, received_at)
     SELECT ?, ?, ?, ?, ? WHERE (SELECT seeded_at FROM shop_sync_state WHERE singleton = 1) IS NOT NULL
       -- A till told not to record payments taken in Stripe must not hold the claim another till would record by.
       AND NOT EXISTS (SELECT 1 FROM app_setting WHERE key = 'external_payments' AND value = 'off')
     ON CONFLICT (stripe_payment_intent_id) DO NOTHING`,
  ).run(intent.id, intent.amount_received || intent.amount, intent.currency.toUpperCase(), Math.floor(now / 1000), now)
}

/** Claims what this till queued; whether it won is read back, so a claim cut after PostgreSQL's commit is right too. */
export async function claimUnownedPayments(db: Db, shop: ShopDatabase, installationId: string, now: number): Promise<number> {
  const queued = db
    .prepare('SELECT stripe_payment_intent_id AS id, amount, currency, stripe_created AS created FROM unowned_payment WHERE claim IS NULL LIMIT 100')
    .all() as Array<{ id: string; amount: number; currency: string; created: number }>
  for (const payment of queued) {
    const owner = await shop.transaction(async (tx) => {
      await takeShopWriteLock(tx)
      await tx.query(
        `INSERT INTO shop_external_payment (stripe_payment_intent_id, claimed_by, amount, currency, stripe_created, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (stripe_payment_intent_id) DO NOTHING`,
        [payment.id, installationId, payment.amount, payment.currency, payment.created, now],
      )
      await tx.query('SELECT pg_notify($1, $2)', [SHOP_CHANGED_CHANNEL, installationId])
      const [row] = await tx.query<{ claimed_by: string }>('SELECT claimed_by FROM shop_external_payment WHERE stripe_payment_intent_id = $1', [payment.id])
      return row!.claimed_by
    })
    db.prepare('UPDATE unowned_payment SET claim = ? WHERE stripe_payment_intent_id = ?').run(owner === installationId ? 'won' : 'lost', payment.id)
  }
  return queued.length
}

/**
 * Outside checkout sessions and one-off invoices this till queued (core/external/shop-queue.ts): each is claimed
 * by its PaymentIntent in shop_external_payment — the same primary key as above, so whichever till's insert lands
 * first (through either path) holds it — and placed here only if that is this till; the others mark it lost.
 * The claim is read back, so a cycle cut after PostgreSQL's commit decides the same way when it runs again.
 */
export async function claimExternalPayments(ctx: CoreContext, shop: ShopDatabase): Promise<number> {
  const { db, installationId } = ctx
  const queued = db
    .prepare('SELECT stripe_object_id AS objectId, stripe_payment_intent_id AS id, amount, currency, stripe_created AS created, facts FROM external_claim WHERE claim IS NULL LIMIT 100')
    .all() as Array<{ objectId: string; id: string; amount: number; currency: string; created: number; facts: string }>
  for (const payment of queued) {
    const owner = await shop.transaction(async (tx) => {
      await takeShopWriteLock(tx)
      await tx.query(
        `INSERT INTO shop_external_payment (stripe_payment_intent_id, claimed_by, amount, currency, stripe_created, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (stripe_payment_intent_id) DO NOTHING`,
        [payment.id, installationId, payment.amount, payment.currency, payment.created, ctx.now()],
      )
      await tx.query('SELECT pg_notify($1, $2)', [SHOP_CHANGED_CHANNEL, installationId])
      const [row] = await tx.query<{ claimed_by: string }>('SELECT claimed_by FROM shop_external_payment WHERE stripe_payment_intent_id = $1', [payment.id])
      return row!.claimed_by
    })
    const won = owner === installationId
    inTransaction(ctx, (queue) => {
      db.prepare('UPDATE external_claim SET claim = ?, decided_at = ? WHERE stripe_object_id = ? AND claim IS NULL').run(won ? 'won' : 'lost', ctx.now(), payment.objectId)
      if (won && !db.prepare('SELECT 1 FROM external_payment WHERE stripe_object_id = ?').get(payment.objectId)) {
        placeExternal({ db, now: ctx.now(), actor: 'stripe', queue, installationId }, JSON.parse(payment.facts) as ExternalFacts)
      }
    })
  }
  return queued.length
}
