import type { LiveEvent } from '@shared/domain'
import { invalidInput } from '@shared/errors'
import { audit } from '../audit'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { addCreditEntry, creditBalance } from './ledger'
import { majorToMinor, referralRules } from './referral-rules'
import { bonusExpiresAt } from './expiry'

/** Records that a new customer signed up with `code`; in the transaction that creates the customer. */
export function recordReferral(db: Db, now: number, accountId: number, code: string, actor: string): void {
  const referrer = sql(db, 'SELECT account_id FROM referral_code WHERE code = ?').pluck().get(code.trim().toUpperCase()) as number | undefined
  if (referrer === undefined) throw invalidInput(`"${code}" is not a referral code of any customer`)
  sql(db, 'INSERT INTO referral (referred_account_id, referrer_account_id, created_at) VALUES (?, ?, ?)').run(accountId, referrer, now)
  audit(db, now, { actor, action: 'referral.recorded', entityType: 'account', entityId: accountId, detail: { referrer } })
}

interface SettledOrder {
  id: number
  account_id: number
  currency: string
}

/**
 * Called by settleOrder when an order becomes fully paid: a referred customer's first purchase at or above the
 * threshold (money other than store credit, in the order's currency) pays both customers the bonus. The bonus row
 * is keyed by the referred customer, so however often or in whatever order Stripe's events replay the payment,
 * it is paid once.
 */
export function awardReferralBonus(db: Db, now: number, orderId: number, actor: string, queue: (e: LiveEvent) => void): void {
  const order = sql(db, 'SELECT id, account_id, currency FROM purchase_order WHERE id = ?').get(orderId) as SettledOrder
  const referral = sql(
    db,
    `SELECT r.referrer_account_id AS referrer FROM referral r
      WHERE r.referred_account_id = ? AND NOT EXISTS (SELECT 1 FROM referral_bonus b WHERE b.referred_account_id = r.referred_account_id)`,
  ).get(order.account_id) as { referrer: number } | undefined
  if (!referral) return
  const rules = referralRules(db)
  const paidOutsideCredit = sql(db, "SELECT coalesce(sum(amount_received), 0) FROM payment WHERE order_id = ? AND status = 'succeeded' AND method <> 'credit'").pluck().get(orderId) as number
  if (paidOutsideCredit < majorToMinor(rules.threshold, order.currency, 'up')) return
  const bonus = majorToMinor(rules.bonus, order.currency, 'down')
  if (bonus <= 0) return
  sql(db, 'INSERT INTO referral_bonus (referred_account_id, order_id, amount, currency, granted_at) VALUES (?, ?, ?, ?, ?)').run(order.account_id, orderId, bonus, order.currency, now)
  for (const accountId of [order.account_id, referral.referrer]) {
    addCreditEntry(db, now, { accountId, currency: order.currency, kind: 'grant', amount: bonus, source: 'referral', actor, orderId, expiresAt: bonusExpiresAt(db, now) })
    queue({ type: 'credit.changed', accountId })
  }
  audit(db, now, { actor, action: 'referral.bonus_granted', entityType: 'purchase_order', entityId: orderId, orderId, detail: { referred: order.account_id, referrer: referral.referrer, bonus, currency: order.currency } })
}

/**
 * Called by settleOrder when an order becomes fully refunded: the bonus it earned is taken back from both, as far
 * as each balance still holds it (credit already spent stays spent; the shortfall is in the audit row).
 */
export function reverseReferralBonus(db: Db, now: number, orderId: number, actor: string, queue: (e: LiveEvent) => void): void {
  const bonus = sql(
    db,
    `SELECT b.referred_account_id AS referred, r.referrer_account_id AS referrer, b.amount, b.currency
       FROM referral_bonus b JOIN referral r ON r.referred_account_id = b.referred_account_id
      WHERE b.order_id = ? AND b.reversed_at IS NULL`,
  ).get(orderId) as { referred: number; referrer: number; amount: number; currency: string } | undefined
  if (!bonus) return
  sql(db, 'UPDATE referral_bonus SET reversed_at = ? WHERE order_id = ?').run(now, orderId)
  const taken: Record<number, number> = {}
  for (const accountId of [bonus.referred, bonus.referrer]) {
    const amount = Math.min(bonus.amount, creditBalance(db, accountId, bonus.currency))
    taken[accountId] = amount
    if (amount === 0) continue
    addCreditEntry(db, now, { accountId, currency: bonus.currency, kind: 'adjust', amount: -amount, source: 'referral_reversed', reason: `Order ${orderId} was fully refunded`, actor, orderId })
    queue({ type: 'credit.changed', accountId })
  }
  audit(db, now, { actor, action: 'referral.bonus_reversed', entityType: 'purchase_order', entityId: orderId, orderId, detail: { bonus: bonus.amount, currency: bonus.currency, taken } })
}
