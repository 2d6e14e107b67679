import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { SHOP_CHANGED_CHANNEL, takeShopWriteLock, type ShopDatabase } from './shop-database'

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
