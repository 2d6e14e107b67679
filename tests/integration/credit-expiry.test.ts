// Bonus credit (referral bonuses, coupons) expiring after the configured days: one 'expire' entry per expired grant
// for what is left of it, spending using the soonest-expiring credit first, once however often the sweep runs.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dueExpiries, setCreditExpiryDays, sweepExpiredCredit, writeExpiry } from '../../src/main/core/credit/expiry'
import { inTransaction } from '../../src/main/core/context'
import type { CustomerCredit } from '../../src/shared/credit'
import { snapshot, tempDir } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'
import { trackLedger } from '../helpers/credit-ledger'

const DAY = 86_400_000
const START = Date.UTC(2026, 0, 5, 10, 0, 0)
const open: TestTill[] = []
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close()
})

async function till(clock: { now: number }, dataDir = tempDir()) {
  const t = await startTestTill({ dataDir, clock: () => clock.now })
  open.push(t)
  trackLedger(join(dataDir, 'coursetill.db'))
  return t
}

const key = () => crypto.randomUUID()
/**
 * Straight to the handler, past dispatch: once a test moves the till's clock days on, the staff session made at the
 * start has ended (12 hours at most), and these tests are about credit, not signing in again.
 */
const direct = <R>(t: TestTill, channel: string, input: object): R => (t.till.handlers as unknown as Record<string, (input: object) => R>)[channel]!(input)
const entries = (t: TestTill, accountId = 1) =>
  t.till.ctx.db.prepare('SELECT kind, amount, source, expires_at AS expiresAt, expired_grant_id AS grantId FROM credit_entry WHERE account_id = ? ORDER BY id').all(accountId) as Array<{ kind: string; amount: number; source: string; expiresAt: number | null; grantId: number | null }>
const balance = async (t: TestTill, accountId = 1) =>
  direct<CustomerCredit>(t, 'credit:get', { customerId: accountId }).balances.find((b) => b.currency === 'GBP')?.balance ?? 0

async function coupon(t: TestTill, code: string, amount: number, customerId = 1) {
  direct(t, 'coupons:create', { code, amount, currency: 'GBP', maxRedemptions: null, expiresAt: null })
  direct(t, 'coupons:redeem', { customerId, code })
}

async function spend(t: TestTill, amount: number) {
  const order = t.order([1])
  return direct(t, 'credit:apply', { orderId: order.id, amount, currency: 'GBP', requestKey: key() })
}

describe('the expiry setting', () => {
  it('is 0 (never) by default, manager-only, and refuses what is not 0–3650 whole days, changing nothing', async () => {
    const clock = { now: START }
    const t = await till(clock)
    expect(await t.call('credit:expiry', {})).toEqual({ days: 0 })
    const managerToken = await t.managerToken()
    const before = snapshot(t.till.ctx.db)
    for (const days of [-1, 3651, 1.5]) {
      const result = await t.till.dispatch('credit:setExpiry', { days, managerToken })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    // The core refuses them too, whoever calls it.
    for (const days of [-1, 3651, 1.5]) expect(() => setCreditExpiryDays(t.till.ctx, days, 'test')).toThrow(/whole number of days/)
    const noManager = await t.till.dispatch('credit:setExpiry', { days: 30 })
    expect(noManager).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    expect(snapshot(t.till.ctx.db)).toBe(before)
    expect(await t.call('credit:setExpiry', { days: 30, managerToken })).toEqual({ days: 30 })
    expect(await t.call('credit:expiry', {})).toEqual({ days: 30 })
    expect(t.count('audit_log', "action = 'setting.changed' AND entity_id = 'credit_expiry_days'")).toBe(1)
  })

  it('at 0, bonus credit never expires, however much later the sweep runs', async () => {
    const clock = { now: START }
    const t = await till(clock)
    await coupon(t, 'FOREVER-1', 500)
    clock.now = START + 3650 * DAY
    expect(sweepExpiredCredit(t.till.ctx)).toBe(0)
    expect(entries(t)).toEqual([{ kind: 'grant', amount: 500, source: 'coupon', expiresAt: null, grantId: null }])
  })
})

describe('expiring bonus credit', () => {
  it('spends the soonest-expiring credit first and expires only what is left of each grant, once', async () => {
    const clock = { now: START }
    const t = await till(clock)
    const managerToken = await t.managerToken()
    await t.call('credit:setExpiry', { days: 30, managerToken })
    // A manager's adjustment never expires; coupon A expires on day 30, coupon B (day 10) on day 40.
    await t.call('credit:adjust', { customerId: 1, currency: 'GBP', amount: 1000, reason: 'Goodwill for a late course', requestKey: key(), managerToken })
    await coupon(t, 'SPRING-A', 500)
    clock.now = START + 5 * DAY
    await spend(t, 600) // all of A (expires soonest), then 100 of the adjustment
    clock.now = START + 10 * DAY
    await coupon(t, 'SPRING-B', 700)
    clock.now = START + 20 * DAY
    await spend(t, 200) // from B: the adjustment never expires
    expect(await balance(t)).toBe(1400)

    clock.now = START + 41 * DAY
    expect(sweepExpiredCredit(t.till.ctx)).toBe(1)
    const expired = entries(t).filter((e) => e.kind === 'expire')
    const grantB = t.till.ctx.db.prepare("SELECT id FROM credit_entry WHERE reason = 'Coupon SPRING-B'").pluck().get()
    expect(expired).toEqual([{ kind: 'expire', amount: -500, source: 'coupon', expiresAt: null, grantId: grantB }])
    expect(await balance(t)).toBe(900)
    // Again, and several at once: nothing more.
    expect(await Promise.all([0, 1, 2].map(async () => sweepExpiredCredit(t.till.ctx)))).toEqual([0, 0, 0])
    expect(entries(t).filter((e) => e.kind === 'expire')).toHaveLength(1)
    expect(t.count('audit_log', "action = 'credit.expired'")).toBe(1)
  })

  it('expires both referral bonuses, and a spend after the expiry finds only the unexpired balance', async () => {
    const clock = { now: START }
    const t = await till(clock)
    const managerToken = await t.managerToken()
    await t.call('credit:setExpiry', { days: 14, managerToken })
    const { referralCode } = await t.call('credit:get', { customerId: 1 })
    const friend = await t.call('customers:create', { email: 'friend@example.com', name: 'New Friend', referralCode })
    const first = t.order([1], friend.id)
    await t.call('orders:recordCash', { orderId: first.id, tendered: 4900, requestKey: key() })
    const grants = entries(t, friend.id).filter((e) => e.source === 'referral')
    expect(grants).toEqual([{ kind: 'grant', amount: 500, source: 'referral', expiresAt: START + 14 * DAY, grantId: null }])
    expect(entries(t, 1).find((e) => e.source === 'referral')?.expiresAt).toBe(START + 14 * DAY)

    clock.now = START + 14 * DAY
    // Not swept yet: the spend expires what is due on its own wallet first, in its transaction, and is refused.
    const second = t.order([4], friend.id)
    expect(() => direct(t, 'credit:apply', { orderId: second.id, amount: 500, currency: 'GBP', requestKey: key() })).toThrow(/Not enough credit/)
    // The refusal rolled its transaction back; the sweep expires both bonuses.
    expect(sweepExpiredCredit(t.till.ctx)).toBe(2)
    expect(await balance(t, friend.id)).toBe(0)
    expect(await balance(t, 1)).toBe(0)
    expect(entries(t, friend.id).map((e) => [e.kind, e.amount])).toEqual([['grant', 500], ['expire', -500]])
  })

  it('a sweep that planned before another committed writes nothing: one expire entry per grant in the store', async () => {
    const clock = { now: START }
    const t = await till(clock)
    const managerToken = await t.managerToken()
    await t.call('credit:setExpiry', { days: 7, managerToken })
    // Credit that does not expire as well, so a second expire entry would not be stopped by the balance rule.
    await t.call('credit:adjust', { customerId: 1, currency: 'GBP', amount: 5000, reason: 'Goodwill for a late course', requestKey: key(), managerToken })
    await coupon(t, 'WEEK-ONE', 800)
    clock.now = START + 8 * DAY
    const { db } = t.till.ctx
    const stale = dueExpiries(db, clock.now)
    expect(stale.map((d) => d.unspent)).toEqual([800])
    expect(sweepExpiredCredit(t.till.ctx)).toBe(1)
    const before = snapshot(db)
    const written = inTransaction(t.till.ctx, (queue) => stale.map((due) => writeExpiry(db, clock.now, due, queue)))
    expect(written).toEqual([false])
    expect(snapshot(db)).toBe(before)
    expect(await balance(t)).toBe(5000)
  })

  it('the store keeps expiry to bonus grants and expire entries to a grant they name', async () => {
    const clock = { now: START }
    const t = await till(clock)
    const { db } = t.till.ctx
    db.prepare("INSERT INTO credit_entry (account_id, currency, kind, amount, source, reason, actor, created_at) VALUES (1, 'GBP', 'adjust', 1000, 'manager', 'test', 'test', ?)").run(START)
    const insert = (kind: string, amount: number, source: string, expiresAt: number | null, grantId: number | null) => () =>
      db.prepare("INSERT INTO credit_entry (account_id, currency, kind, amount, source, reason, actor, created_at, expires_at, expired_grant_id) VALUES (1, 'GBP', ?, ?, ?, 'test', 'test', ?, ?, ?)").run(kind, amount, source, START, expiresAt, grantId)
    expect(insert('adjust', 100, 'manager', START + DAY, null)).toThrow(/CHECK/)
    expect(insert('refund', 100, 'refund', START + DAY, null)).toThrow(/CHECK/)
    expect(insert('expire', -1, 'coupon', null, null)).toThrow(/CHECK/)
  })

  it('runs at start: a till opened after the expiry has expired the credit before anyone asks', async () => {
    const clock = { now: START }
    const dataDir = tempDir()
    const first = await till(clock, dataDir)
    const managerToken = await first.managerToken()
    await first.call('credit:setExpiry', { days: 3, managerToken })
    await coupon(first, 'SHORT-ONE', 300)
    await open.pop()!.close()
    clock.now = START + 4 * DAY
    const again = await till(clock, dataDir)
    expect(entries(again).map((e) => [e.kind, e.amount])).toEqual([['grant', 300], ['expire', -300]])
  })
})
