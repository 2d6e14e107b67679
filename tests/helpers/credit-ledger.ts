import Database from 'better-sqlite3'
import { afterEach, expect } from 'vitest'
import { customerCredit } from '../../src/main/core/credit/customer-credit'

// After every test of a file that calls trackLedger: every store it touched has balances equal to the sum of
// their ledger entries, read independently of the till's code, and a ledger that agrees with the payments,
// refunds and bonuses it records.
const tracked = new Set<string>()
afterEach(() => {
  for (const file of tracked) expectLedgerConsistent(file)
  tracked.clear()
})

/** Checks this store file after the current test (it opens its own read-only connection then). */
export function trackLedger(file: string): void {
  tracked.add(file)
}

interface EntryRow {
  id: number
  account_id: number
  currency: string
  kind: string
  amount: number
  source: string
  payment_id: number | null
  refund_id: number | null
  order_id: number | null
  expired_grant_id: number | null
}

export function expectLedgerConsistent(file: string): void {
  const db = new Database(file, { readonly: true })
  try {
    const entries = db.prepare('SELECT * FROM credit_entry ORDER BY id').all() as EntryRow[]
    // Running sums per customer and currency: never below zero at any point in the ledger's history.
    const sums = new Map<string, number>()
    for (const entry of entries) {
      const key = `${entry.account_id}:${entry.currency}`
      const next = (sums.get(key) ?? 0) + entry.amount
      expect(next, `balance ${key} after entry ${entry.id}`).toBeGreaterThanOrEqual(0)
      sums.set(key, next)
    }
    // What the till shows equals the sum of the entries, for every customer.
    const accounts = db.prepare('SELECT id FROM account').pluck().all() as number[]
    for (const accountId of accounts) {
      const shown = customerCredit(db as never, accountId)
      const expected = [...sums.entries()].filter(([key]) => key.startsWith(`${accountId}:`)).map(([key, balance]) => ({ currency: key.split(':')[1]!, balance }))
      expect(shown.balances.map((b) => ({ ...b })).sort((a, b) => a.currency.localeCompare(b.currency)), `balances of customer ${accountId}`).toEqual(expected.sort((a, b) => a.currency.localeCompare(b.currency)))
      for (const entry of shown.entries) {
        const upTo = entries.filter((e) => e.account_id === accountId && e.currency === entry.currency && e.id <= entry.id).reduce((sum, e) => sum + e.amount, 0)
        expect(entry.balanceAfter, `balance shown after entry ${entry.id}`).toBe(upTo)
      }
    }
    // Every credit payment was taken from the ledger once; a canceled one was given back once.
    const credits = db.prepare("SELECT id, amount, status FROM payment WHERE method = 'credit'").all() as Array<{ id: number; amount: number; status: string }>
    for (const payment of credits) {
      const spends = entries.filter((e) => e.payment_id === payment.id && e.kind === 'spend')
      expect(spends.map((e) => e.amount), `spend of credit payment ${payment.id}`).toEqual([-payment.amount])
      const returned = entries.filter((e) => e.payment_id === payment.id && e.source === 'order_canceled').map((e) => e.amount)
      expect(returned, `return of credit payment ${payment.id}`).toEqual(payment.status === 'canceled' ? [payment.amount] : [])
    }
    // Every refund of a credit payment went back to the ledger, exactly its amount; no other refund did.
    const refunds = db.prepare("SELECT r.id, r.amount, r.status, p.method FROM refund r JOIN payment p ON p.id = r.payment_id").all() as Array<{ id: number; amount: number; status: string; method: string }>
    for (const refund of refunds) {
      const back = entries.filter((e) => e.refund_id === refund.id).map((e) => e.amount)
      expect(back, `credit returned by refund ${refund.id}`).toEqual(refund.method === 'credit' && refund.status === 'succeeded' ? [refund.amount] : [])
    }
    // Each referral bonus: one grant to each of the two customers, for its order.
    const bonuses = db.prepare('SELECT b.order_id, b.amount, b.referred_account_id AS referred, r.referrer_account_id AS referrer FROM referral_bonus b JOIN referral r USING (referred_account_id)').all() as Array<{ order_id: number; amount: number; referred: number; referrer: number }>
    for (const bonus of bonuses) {
      const grants = entries.filter((e) => e.order_id === bonus.order_id && e.source === 'referral' && e.kind === 'grant')
      expect(grants.map((e) => [e.account_id, e.amount]).sort(), `grants of bonus for order ${bonus.order_id}`).toEqual([[bonus.referred, bonus.amount], [bonus.referrer, bonus.amount]].sort())
    }
    expect(entries.filter((e) => e.source === 'referral' && e.kind === 'grant').length).toBe(2 * bonuses.length)
    // Each expire entry names one grant of its customer and currency (once), and takes no more than it gave.
    const expiries = entries.filter((e) => e.kind === 'expire')
    expect(new Set(expiries.map((e) => e.expired_grant_id)).size, 'one expire entry per grant').toBe(expiries.length)
    for (const expiry of expiries) {
      const grant = entries.find((e) => e.id === expiry.expired_grant_id)
      expect(grant && [grant.kind, grant.account_id, grant.currency], `grant of expire entry ${expiry.id}`).toEqual(['grant', expiry.account_id, expiry.currency])
      expect(-expiry.amount).toBeLessThanOrEqual(grant!.amount)
    }
  } finally {
    db.close()
  }
}
