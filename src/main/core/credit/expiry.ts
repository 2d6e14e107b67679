import type { LiveEvent } from '@shared/domain'
import { invalidInput } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import type { Db } from '../store/db'
import { readSetting, writeSetting } from '../settings'
import { sql } from '../store/statements'
import { addCreditEntry } from './ledger'

// Bonus credit (referral bonuses, coupons) can expire: its grant carries `expires_at`, stamped when granted from
// the setting then in force (a change applies to credit granted afterwards: customers keep the terms they were
// given). Refunds to credit and managers' adjustments never expire: that is the customer's own money, or a
// correction a manager chose to make.

const SETTING = 'credit_expiry_days'
export const MAX_EXPIRY_DAYS = 3650
const DAY_MS = 86_400_000

export function creditExpiryDays(db: Db): number {
  return Number(readSetting(db, SETTING) ?? '0')
}

export function setCreditExpiryDays(ctx: CoreContext, days: number, actor: string): number {
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_EXPIRY_DAYS) throw invalidInput(`Expiry is a whole number of days from 0 (never) to ${MAX_EXPIRY_DAYS}`)
  return inTransaction(ctx, () => {
    const before = creditExpiryDays(ctx.db)
    writeSetting(ctx.db, SETTING, String(days))
    audit(ctx.db, ctx.now(), { actor, action: 'setting.changed', entityType: 'setting', entityId: 'credit_expiry_days', detail: { from: before, to: days } })
    return days
  })
}

/** When bonus credit granted now expires, or null when it does not. */
export function bonusExpiresAt(db: Db, now: number): number | null {
  const days = creditExpiryDays(db)
  return days === 0 ? null : now + days * DAY_MS
}

export interface DueExpiry {
  grantId: number
  accountId: number
  currency: string
  source: 'referral' | 'coupon'
  grantedAt: number
  /** What is left of the grant, in minor units: what its 'expire' entry takes away. */
  unspent: number
}

interface EntryRow {
  id: number
  account_id: number
  currency: string
  kind: string
  amount: number
  source: 'referral' | 'coupon'
  created_at: number
  expires_at: number | null
  expired_grant_id: number | null
}

/**
 * Grants expired by `now` with something left, not yet expired in the ledger. What is left comes from replaying
 * the customer's entries in that currency in order: credit coming in is a lot (a grant, a refund, an adjustment),
 * and each spend or removal takes from the lots that expire soonest first (lots that never expire last), so a
 * customer's spending uses up the credit that would be lost first. The replay is the ledger's own: the same entries
 * always give the same answer.
 */
export function dueExpiries(db: Db, now: number, only?: { accountId: number; currency: string }): DueExpiry[] {
  const wallets = (
    only
      ? [only]
      : sql(
          db,
          `SELECT DISTINCT g.account_id AS accountId, g.currency FROM credit_entry g
            WHERE g.expires_at IS NOT NULL AND g.expires_at <= ?
              AND NOT EXISTS (SELECT 1 FROM credit_entry e WHERE e.expired_grant_id = g.id)`,
        ).all(now)
  ) as Array<{ accountId: number; currency: string }>
  const due: DueExpiry[] = []
  for (const wallet of wallets) {
    const entries = sql(db, 'SELECT * FROM credit_entry WHERE account_id = ? AND currency = ? ORDER BY id').all(wallet.accountId, wallet.currency) as EntryRow[]
    const lots: Array<{ entry: EntryRow; left: number }> = []
    for (const entry of entries) {
      if (entry.amount > 0) {
        lots.push({ entry, left: entry.amount })
      } else if (entry.expired_grant_id !== null) {
        const lot = lots.find((l) => l.entry.id === entry.expired_grant_id)
        if (lot) lot.left = 0
      } else {
        let owed = -entry.amount
        const soonestFirst = lots.filter((l) => l.left > 0).sort((a, b) => (a.entry.expires_at ?? Infinity) - (b.entry.expires_at ?? Infinity) || a.entry.id - b.entry.id)
        for (const lot of soonestFirst) {
          if (owed === 0) break
          const taken = Math.min(lot.left, owed)
          lot.left -= taken
          owed -= taken
        }
      }
    }
    for (const { entry, left } of lots) {
      if (entry.expires_at === null || entry.expires_at > now || left === 0) continue
      due.push({ grantId: entry.id, accountId: entry.account_id, currency: entry.currency, source: entry.source, grantedAt: entry.created_at, unspent: left })
    }
  }
  return due
}

/**
 * Writes the 'expire' entry of one grant; inside the caller's transaction. Returns false, writing nothing, when the
 * grant was expired already (a sweep that planned before another committed): the store's unique index says so.
 */
export function writeExpiry(db: Db, now: number, due: DueExpiry, queue: (e: LiveEvent) => void): boolean {
  try {
    const entryId = addCreditEntry(db, now, {
      accountId: due.accountId,
      currency: due.currency,
      kind: 'expire',
      amount: -due.unspent,
      source: due.source,
      reason: `${due.source === 'referral' ? 'Referral bonus' : 'Coupon credit'} of ${new Date(due.grantedAt).toISOString().slice(0, 10)} expired`,
      actor: 'system',
      expiredGrantId: due.grantId,
    })
    audit(db, now, { actor: 'system', action: 'credit.expired', entityType: 'account', entityId: due.accountId, detail: { entryId, grantId: due.grantId, amount: due.unspent, currency: due.currency } })
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: credit_entry\.expired_grant_id/.test(error.message)) return false
    throw error
  }
  queue({ type: 'credit.changed', accountId: due.accountId })
  return true
}

/** Expires what is due in one transaction; returns how many grants it expired. */
export function sweepExpiredCredit(ctx: CoreContext): number {
  return inTransaction(ctx, (queue) => expireDueCredit(ctx.db, ctx.now(), queue))
}

/** Inside a transaction: expires what is due (for one wallet, before spending from it, or all). */
export function expireDueCredit(db: Db, now: number, queue: (e: LiveEvent) => void, only?: { accountId: number; currency: string }): number {
  let written = 0
  for (const due of dueExpiries(db, now, only)) if (writeExpiry(db, now, due, queue)) written++
  return written
}
