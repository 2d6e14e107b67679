// Store credit and referrals, as the renderer and the main process both see them. Amounts are integer minor
// units; a balance is always the sum of the ledger entries of one customer in one currency.

export const CREDIT_ENTRY_KINDS = ['grant', 'spend', 'refund', 'adjust', 'expire'] as const
export type CreditEntryKind = (typeof CREDIT_ENTRY_KINDS)[number]

export const CREDIT_SOURCES = ['manager', 'checkout', 'order_canceled', 'refund', 'referral', 'referral_reversed', 'coupon'] as const
export type CreditSource = (typeof CREDIT_SOURCES)[number]

export interface CreditEntry {
  id: number
  accountId: number
  currency: string
  kind: CreditEntryKind
  /** Signed: what this entry added to (positive) or took from (negative) the balance. */
  amount: number
  source: CreditSource
  reason: string | null
  paymentId: number | null
  refundId: number | null
  orderId: number | null
  actor: string
  createdAt: number
  /** Bonus credit (referral, coupon) granted while expiry was on: when what is left of it expires (unix ms). */
  expiresAt: number | null
  /** The balance in this currency just after this entry (a running sum, computed on read). */
  balanceAfter: number
}

export interface CreditBalance {
  currency: string
  balance: number
}

export interface CustomerCredit {
  accountId: number
  balances: CreditBalance[]
  /** Newest first. */
  entries: CreditEntry[]
  referralCode: string
  referredBy: { accountId: number; name: string } | null
  /** Customers who signed up with this customer's code, and whether their bonus was paid. */
  referrals: Array<{ accountId: number; name: string; bonus: 'waiting' | 'paid' | 'reversed' }>
}

/** The referral rules, as decimal amounts in major units applied in the order's currency (e.g. "10.00"). */
export interface ReferralRules {
  threshold: string
  bonus: string
}

export const DEFAULT_REFERRAL_RULES: ReferralRules = { threshold: '10.00', bonus: '5.00' }

export interface CreditCoupon {
  id: number
  code: string
  amount: number
  currency: string
  maxRedemptions: number | null
  expiresAt: number | null
  redemptions: number
  createdAt: number
}
