import type { CustomerCredit } from '@shared/credit'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { assertCustomer, creditBalances, creditEntries } from './ledger'

/** What the customer screen shows: balances per currency, the ledger, and the referral picture. */
export function customerCredit(db: Db, customerId: number): CustomerCredit {
  assertCustomer(db, customerId)
  const referredBy = sql(db, 'SELECT a.id AS accountId, a.name FROM referral r JOIN account a ON a.id = r.referrer_account_id WHERE r.referred_account_id = ?').get(customerId) as
    | { accountId: number; name: string }
    | undefined
  const referrals = sql(
    db,
    `SELECT a.id AS accountId, a.name,
            CASE WHEN b.referred_account_id IS NULL THEN 'waiting' WHEN b.reversed_at IS NULL THEN 'paid' ELSE 'reversed' END AS bonus
       FROM referral r JOIN account a ON a.id = r.referred_account_id
       LEFT JOIN referral_bonus b ON b.referred_account_id = r.referred_account_id
      WHERE r.referrer_account_id = ? ORDER BY r.created_at DESC, a.id DESC`,
  ).all(customerId) as CustomerCredit['referrals']
  return {
    accountId: customerId,
    balances: creditBalances(db, customerId),
    entries: creditEntries(db, customerId),
    referralCode: sql(db, 'SELECT code FROM referral_code WHERE account_id = ?').pluck().get(customerId) as string,
    referredBy: referredBy ?? null,
    referrals,
  }
}
