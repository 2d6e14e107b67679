import type { CreditCoupon } from '@shared/credit'
import { AppError, conflict, invalidInput, notFound } from '@shared/errors'
import { formatMoney, isCurrencyCode } from '@shared/money'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import type { Db } from '../store/db'
import { sql } from '../store/statements'
import { addCreditEntry, assertCustomer } from './ledger'
import { bonusExpiresAt } from './expiry'

const COLUMNS = `c.id, c.code, c.amount, c.currency, c.max_redemptions AS maxRedemptions, c.expires_at AS expiresAt, c.created_at AS createdAt,
  (SELECT count(*) FROM coupon_redemption r WHERE r.coupon_id = c.id) AS redemptions`

export function listCoupons(db: Db): CreditCoupon[] {
  return sql(db, `SELECT ${COLUMNS} FROM credit_coupon c ORDER BY c.id DESC`).all() as CreditCoupon[]
}

export interface NewCoupon {
  code: string
  amount: number
  currency: string
  maxRedemptions: number | null
  expiresAt: number | null
  actor: string
}

export function createCoupon(ctx: CoreContext, input: NewCoupon): CreditCoupon {
  const code = input.code.trim().toUpperCase()
  if (!/^[A-Z0-9-]{4,32}$/.test(code)) throw invalidInput('A coupon code is 4 to 32 letters, digits or dashes')
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw invalidInput('A coupon adds a positive whole amount of minor units')
  if (!isCurrencyCode(input.currency)) throw invalidInput(`"${input.currency}" is not an ISO currency code`)
  if (input.expiresAt !== null && input.expiresAt <= ctx.now()) throw invalidInput('The expiry must be in the future')
  return inTransaction(ctx, () => {
    const { db } = ctx
    if (sql(db, 'SELECT 1 FROM credit_coupon WHERE code = ?').get(code)) throw conflict(`A coupon with the code ${code} already exists`)
    const now = ctx.now()
    const id = Number(
      sql(db, 'INSERT INTO credit_coupon (code, amount, currency, max_redemptions, expires_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        code, input.amount, input.currency, input.maxRedemptions, input.expiresAt, input.actor, now,
      ).lastInsertRowid,
    )
    audit(db, now, { actor: input.actor, action: 'coupon.created', entityType: 'setting', entityId: `coupon:${id}`, detail: { code, amount: input.amount, currency: input.currency, maxRedemptions: input.maxRedemptions, expiresAt: input.expiresAt } })
    return sql(db, `SELECT ${COLUMNS} FROM credit_coupon c WHERE c.id = ?`).get(id) as CreditCoupon
  })
}

/**
 * Adds a coupon's credit to a customer's balance: once per customer, within the coupon's limits. The checks and
 * the redemption row share one transaction, and the store's primary key and trigger hold the limits even so.
 */
export function redeemCoupon(ctx: CoreContext, input: { customerId: number; code: string; actor: string }): void {
  const code = input.code.trim().toUpperCase()
  inTransaction(ctx, (queue) => {
    const { db } = ctx
    assertCustomer(db, input.customerId)
    const coupon = sql(db, `SELECT ${COLUMNS} FROM credit_coupon c WHERE c.code = ?`).get(code) as CreditCoupon | undefined
    if (!coupon) throw notFound(`"${code}" is not a coupon code`)
    const now = ctx.now()
    if (coupon.expiresAt !== null && coupon.expiresAt <= now) throw conflict(`Coupon ${code} has expired`)
    if (sql(db, 'SELECT 1 FROM coupon_redemption WHERE coupon_id = ? AND account_id = ?').get(coupon.id, input.customerId)) {
      throw conflict(`This customer has already redeemed coupon ${code}`)
    }
    if (coupon.maxRedemptions !== null && coupon.redemptions >= coupon.maxRedemptions) throw conflict(`Coupon ${code} has been used up (${coupon.maxRedemptions} redemptions)`)
    const entryId = addCreditEntry(db, now, { accountId: input.customerId, currency: coupon.currency, kind: 'grant', amount: coupon.amount, source: 'coupon', reason: `Coupon ${code}`, actor: input.actor, expiresAt: bonusExpiresAt(db, now) })
    try {
      sql(db, 'INSERT INTO coupon_redemption (coupon_id, account_id, credit_entry_id, redeemed_at) VALUES (?, ?, ?, ?)').run(coupon.id, input.customerId, entryId, now)
    } catch (error) {
      if (error instanceof Error && /coupon_used_up|coupon_expired|UNIQUE/.test(error.message)) throw new AppError('conflict', `Coupon ${code} cannot be redeemed: ${error.message}`)
      throw error
    }
    audit(db, now, { actor: input.actor, action: 'coupon.redeemed', entityType: 'account', entityId: input.customerId, detail: { code, amount: coupon.amount, currency: coupon.currency, added: formatMoney(coupon.amount, coupon.currency) } })
    queue({ type: 'credit.changed', accountId: input.customerId })
  })
}
