import type { CreditBalance, CreditEntry, CreditEntryKind, CreditSource } from '@shared/credit'
import { AppError, conflict } from '@shared/errors'
import { formatMoney } from '@shared/money'
import type { Db } from '../store/db'
import { sql } from '../store/statements'

// The store-credit ledger. A balance is never stored: it is the sum of a customer's entries in one currency, and
// the store itself refuses an entry that would take it below zero (migration 010's trigger), so no caller,
// however concurrent, can overdraw it.

export interface NewEntry {
  accountId: number
  currency: string
  kind: CreditEntryKind
  amount: number
  source: CreditSource
  actor: string
  reason?: string | null
  paymentId?: number | null
  refundId?: number | null
  orderId?: number | null
  requestKey?: string | null
  /** Bonus credit only (referral, coupon): when what is left of this grant expires (unix ms). */
  expiresAt?: number | null
  /** An 'expire' entry names the grant it expires (one per grant: the store's unique index). */
  expiredGrantId?: number | null
}

export function creditBalance(db: Db, accountId: number, currency: string): number {
  return sql(db, 'SELECT coalesce(sum(amount), 0) FROM credit_entry WHERE account_id = ? AND currency = ?').pluck().get(accountId, currency) as number
}

export function creditBalances(db: Db, accountId: number): CreditBalance[] {
  return sql(db, 'SELECT currency, sum(amount) AS balance FROM credit_entry WHERE account_id = ? GROUP BY currency ORDER BY currency').all(accountId) as CreditBalance[]
}

/** Appends one entry; must run inside the transaction making the change it records. Returns its id. */
export function addCreditEntry(db: Db, now: number, entry: NewEntry): number {
  try {
    return Number(
      sql(
        db,
        `INSERT INTO credit_entry (account_id, currency, kind, amount, source, reason, payment_id, refund_id, order_id, actor, request_key, created_at, expires_at, expired_grant_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        entry.accountId, entry.currency, entry.kind, entry.amount, entry.source, entry.reason ?? null, entry.paymentId ?? null, entry.refundId ?? null,
        entry.orderId ?? null, entry.actor, entry.requestKey ?? null, now, entry.expiresAt ?? null, entry.expiredGrantId ?? null,
      ).lastInsertRowid,
    )
  } catch (error) {
    // The store's own rule, reached only when a caller's check was skipped or raced: said in the till's words.
    if (error instanceof Error && error.message.includes('credit_overdraw')) {
      const balance = creditBalance(db, entry.accountId, entry.currency)
      throw conflict(`Not enough credit: the balance is ${formatMoney(balance, entry.currency)}`, { balance })
    }
    throw error
  }
}

/** Newest first, each with the balance it left (a running sum over the customer's entries in its currency). */
export function creditEntries(db: Db, accountId: number, limit = 200): CreditEntry[] {
  return sql(
    db,
    `SELECT id, account_id AS accountId, currency, kind, amount, source, reason, payment_id AS paymentId, refund_id AS refundId,
            order_id AS orderId, actor, created_at AS createdAt, expires_at AS expiresAt,
            sum(amount) OVER (PARTITION BY currency ORDER BY id) AS balanceAfter
       FROM credit_entry WHERE account_id = ? ORDER BY id DESC LIMIT ?`,
  ).all(accountId, limit) as CreditEntry[]
}

export function assertCustomer(db: Db, accountId: number): { id: number; name: string } {
  const row = sql(db, 'SELECT id, name FROM account WHERE id = ?').get(accountId) as { id: number; name: string } | undefined
  if (!row) throw new AppError('not_found', `Customer ${accountId} does not exist`)
  return row
}
