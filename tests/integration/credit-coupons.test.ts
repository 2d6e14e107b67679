import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { snapshot } from '../helpers/temp-store'
import { startTestTill, type TestTill } from '../helpers/test-till'
import { trackLedger } from '../helpers/credit-ledger'

const open: TestTill[] = []
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close()
})

const clock = { now: Date.UTC(2026, 11, 1, 12) }

async function tillWithCoupon(limits: { maxRedemptions: number | null; expiresAt: number | null }) {
  const t = await startTestTill({ clock: () => clock.now })
  open.push(t)
  trackLedger(join(t.dataDir, 'coursetill.db'))
  const managerToken = await t.managerToken()
  const coupon = await t.call('coupons:create', { code: 'fair-2026', amount: 1000, currency: 'EUR', ...limits, managerToken })
  return { t, coupon, managerToken }
}

async function refused(t: TestTill, call: () => Promise<unknown>, message: RegExp) {
  const before = snapshot(t.till.ctx.db)
  const error = await call().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).message).toMatch(message)
  expect(snapshot(t.till.ctx.db)).toBe(before)
}

describe('credit coupons', () => {
  it('add their credit once per customer, up to their redemptions', async () => {
    const { t, coupon } = await tillWithCoupon({ maxRedemptions: 2, expiresAt: null })
    expect(coupon).toMatchObject({ code: 'FAIR-2026', amount: 1000, currency: 'EUR', redemptions: 0 })
    const first = await t.call('coupons:redeem', { customerId: 1, code: 'fair-2026' })
    expect(first.balances).toEqual([{ currency: 'EUR', balance: 1000 }])
    expect(first.entries[0]).toMatchObject({ kind: 'grant', source: 'coupon', amount: 1000, reason: 'Coupon FAIR-2026' })
    await refused(t, () => t.call('coupons:redeem', { customerId: 1, code: 'FAIR-2026' }), /already redeemed coupon FAIR-2026/)
    await t.call('coupons:redeem', { customerId: 2, code: 'FAIR-2026' })
    await refused(t, () => t.call('coupons:redeem', { customerId: 3, code: 'FAIR-2026' }), /used up \(2 redemptions\)/)
    await refused(t, () => t.call('coupons:redeem', { customerId: 3, code: 'NOPE-1' }), /"NOPE-1" is not a coupon code/)
    await refused(t, () => t.call('coupons:redeem', { customerId: 999, code: 'FAIR-2026' }), /Customer 999 does not exist/)
    const { token } = await t.call('manager:unlock', { pin: '2468' })
    const listed = await t.call('coupons:list', { managerToken: token })
    expect(listed[0]).toMatchObject({ code: 'FAIR-2026', redemptions: 2 })
  })

  it('a double click redeems once; two customers racing for the last redemption: one gets it', async () => {
    const { t } = await tillWithCoupon({ maxRedemptions: 1, expiresAt: null })
    const [a, b] = await Promise.allSettled([t.call('coupons:redeem', { customerId: 1, code: 'FAIR-2026' }), t.call('coupons:redeem', { customerId: 1, code: 'FAIR-2026' })])
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected'])
    const [c, d] = await Promise.allSettled([t.call('coupons:redeem', { customerId: 2, code: 'FAIR-2026' }), t.call('coupons:redeem', { customerId: 3, code: 'FAIR-2026' })])
    expect([c.status, d.status]).toEqual(['rejected', 'rejected'])
    expect(t.count('coupon_redemption')).toBe(1)
  })

  it('expire: refused from their expiry on', async () => {
    const { t } = await tillWithCoupon({ maxRedemptions: null, expiresAt: clock.now + 60_000 })
    await t.call('coupons:redeem', { customerId: 1, code: 'FAIR-2026' })
    clock.now += 60_000
    await refused(t, () => t.call('coupons:redeem', { customerId: 2, code: 'FAIR-2026' }), /FAIR-2026 has expired/)
  })

  it('the store holds the limits even for a writer that skipped the checks', async () => {
    const { t, coupon } = await tillWithCoupon({ maxRedemptions: 1, expiresAt: clock.now + 1000 })
    await t.call('coupons:redeem', { customerId: 1, code: 'FAIR-2026' })
    const db = t.till.ctx.db
    const entry = Number(db.prepare("INSERT INTO credit_entry (account_id, currency, kind, amount, source, actor, created_at) VALUES (2, 'EUR', 'grant', 1000, 'coupon', 'test', 0)").run().lastInsertRowid)
    expect(() => db.prepare('INSERT INTO coupon_redemption (coupon_id, account_id, credit_entry_id, redeemed_at) VALUES (?, 2, ?, ?)').run(coupon.id, entry, clock.now)).toThrow(/coupon_used_up/)
    db.prepare('UPDATE credit_coupon SET max_redemptions = NULL').run()
    expect(() => db.prepare('INSERT INTO coupon_redemption (coupon_id, account_id, credit_entry_id, redeemed_at) VALUES (?, 2, ?, ?)').run(coupon.id, entry, clock.now + 1000)).toThrow(/coupon_expired/)
  })

  it('bad coupons are refused before anything is written', async () => {
    const { t, managerToken } = await tillWithCoupon({ maxRedemptions: null, expiresAt: null })
    await refused(t, () => t.call('coupons:create', { code: 'FAIR-2026', amount: 500, currency: 'EUR', maxRedemptions: null, expiresAt: null, managerToken }), /already exists/)
    await refused(t, () => t.call('coupons:create', { code: 'BAD CODE', amount: 500, currency: 'EUR', maxRedemptions: null, expiresAt: null, managerToken }), /letters, digits or dashes/)
    await refused(t, () => t.call('coupons:create', { code: 'OK-CODE', amount: -5, currency: 'EUR', maxRedemptions: null, expiresAt: null, managerToken }), /./)
    await refused(t, () => t.call('coupons:create', { code: 'OK-CODE', amount: 2.5, currency: 'EUR', maxRedemptions: null, expiresAt: null, managerToken }), /./)
    await refused(t, () => t.call('coupons:create', { code: 'OK-CODE', amount: 500, currency: 'EUR', maxRedemptions: null, expiresAt: clock.now - 1, managerToken }), /in the future/)
  })
})
