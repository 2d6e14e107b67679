import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { SUBSCRIBED_EVENTS } from '../../src/main/core/payments/subscribed-events'
import { AppError } from '../../src/shared/errors'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { trackLedger } from '../helpers/credit-ledger'

const open: TestTill[] = []
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close()
})

async function till(options: Parameters<typeof startTestTill>[0] = {}) {
  const t = await startTestTill(options)
  open.push(t)
  trackLedger(join(t.dataDir, 'coursetill.db'))
  return t
}

async function referred(t: TestTill, referrerId = 1, email = 'new.friend@example.com') {
  const { referralCode } = await t.call('credit:get', { customerId: referrerId })
  return t.call('customers:create', { email, name: 'New Friend', referralCode: referralCode.toLowerCase() })
}

async function payByCard(t: TestTill, orderId: number) {
  const card = await t.call('payments:startCard', { orderId })
  await payAs(t.stripe, card.paymentIntentId, 'pm_card_visa')
  return card
}

const bonusEntries = (t: TestTill) =>
  t.till.ctx.db.prepare("SELECT account_id, kind, amount, currency FROM credit_entry WHERE source IN ('referral', 'referral_reversed') ORDER BY id").all()

/** Every subscribed event sent again, each three times at once, signed as Stripe signs them. */
async function replayAllEvents(t: TestTill) {
  const secret = (JSON.parse(t.till.ctx.db.prepare("SELECT value FROM app_setting WHERE key = 'sandbox_webhook_endpoint'").pluck().get() as string) as { secret: string }).secret
  const events = (await t.stripe.events.list({ types: [...SUBSCRIBED_EVENTS], limit: 100 })).data
  expect(events.length).toBeGreaterThanOrEqual(2)
  const sends = events.flatMap((event) =>
    [1, 2, 3].map(async () => {
      const body = JSON.stringify(event)
      const response = await fetch(t.till.payments.webhook.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': t.stripe.webhooks.generateTestHeaderString({ payload: body, secret }) },
        body,
      })
      expect(response.status).toBe(200)
    }),
  )
  await Promise.all(sends)
}

describe('referrals', () => {
  it('the bonus is paid once to both under a storm of every event five times, shuffled, and once more replayed', { timeout: 60_000 }, async () => {
    const t = await till({ delivery: { enabled: false, copies: 5, shuffle: true } })
    const friend = await referred(t)
    const order = t.order([1], friend.id)
    await payByCard(t, order.id)
    // Nothing has arrived yet: the webhooks alone must settle the sale and pay the bonus.
    expect(t.detail(order.id).status).toBe('pending')
    t.till.payments.sandbox!.setDeliveryEnabled(true)
    await t.deliveriesSettled()
    expect(t.detail(order.id).status).toBe('successful')
    expect(bonusEntries(t)).toEqual([
      { account_id: friend.id, kind: 'grant', amount: 500, currency: 'GBP' },
      { account_id: 1, kind: 'grant', amount: 500, currency: 'GBP' },
    ])
    // The storm was one: five acknowledged copies of each event the till recorded.
    const sent = new Database(join(t.dataDir, 'stripe-sandbox.db'), { readonly: true })
    const acknowledged = sent.prepare('SELECT event_id FROM webhook_attempts WHERE status_code BETWEEN 200 AND 299').pluck().all() as string[]
    sent.close()
    const recorded = t.till.ctx.db.prepare('SELECT id FROM stripe_event').pluck().all() as string[]
    expect(recorded.length).toBeGreaterThanOrEqual(2)
    for (const id of recorded) expect(acknowledged.filter((a) => a === id), id).toHaveLength(5)
    const settled = snapshot(t.till.ctx.db)
    await replayAllEvents(t)
    await t.call('payments:sync', { orderId: order.id })
    expect(snapshot(t.till.ctx.db)).toBe(settled)
    const referrer = await t.call('credit:get', { customerId: 1 })
    expect(referrer.referrals).toEqual([{ accountId: friend.id, name: 'New Friend', bonus: 'paid' }])
    expect((await t.call('credit:get', { customerId: friend.id })).referredBy).toEqual({ accountId: 1, name: 'Amelia Hart' })
    // A second qualifying purchase pays nothing more.
    await t.call('orders:recordCash', { orderId: t.order([4], friend.id).id, tendered: 2900, requestKey: crypto.randomUUID() })
    expect(bonusEntries(t)).toHaveLength(2)
  })

  it('a full refund of the qualifying purchase takes the bonus back, as far as each balance still holds it', async () => {
    const t = await till()
    const friend = await referred(t)
    const order = t.order([1], friend.id)
    await payByCard(t, order.id)
    const paid = await t.call('payments:sync', { orderId: order.id })
    await t.deliveriesSettled()
    // The referrer spends 3.00 of the bonus before the refund.
    const spend = t.order([4], 1)
    await t.call('credit:apply', { orderId: spend.id, amount: 300, currency: 'GBP', requestKey: crypto.randomUUID() })
    const managerToken = await t.managerToken()
    const cardPayment = paid.payments.find((p) => p.method === 'card')!
    await t.call('payments:refund', { paymentId: cardPayment.id, amount: 1000, reason: 'requested_by_customer', managerToken })
    await t.deliveriesSettled()
    expect(t.detail(order.id).status).toBe('partially_refunded')
    expect(bonusEntries(t)).toHaveLength(2)
    await t.call('payments:refund', { paymentId: cardPayment.id, amount: 3900, reason: 'requested_by_customer', managerToken })
    await t.deliveriesSettled()
    expect(t.detail(order.id).status).toBe('refunded')
    expect(bonusEntries(t)).toEqual([
      { account_id: friend.id, kind: 'grant', amount: 500, currency: 'GBP' },
      { account_id: 1, kind: 'grant', amount: 500, currency: 'GBP' },
      { account_id: friend.id, kind: 'adjust', amount: -500, currency: 'GBP' },
      { account_id: 1, kind: 'adjust', amount: -200, currency: 'GBP' },
    ])
    expect((await t.call('credit:get', { customerId: 1 })).referrals[0]!.bonus).toBe('reversed')
    const audit = JSON.parse(t.till.ctx.db.prepare("SELECT detail FROM audit_log WHERE action = 'referral.bonus_reversed'").pluck().get() as string)
    expect(audit.taken).toEqual({ [friend.id]: 500, 1: 200 })
  })

  it('the threshold is in the order currency by its exponent: yen at it qualifies, dinars under it do not; credit does not count', async () => {
    const t = await till()
    const managerToken = await t.managerToken()
    // 6800.00 in the order's currency: JPY 6,800 (exponent 0), KWD 6,800.000 (exponent 3).
    await t.call('referrals:setRules', { threshold: '6800.00', bonus: '5.505', managerToken })
    const friend = await referred(t)
    const dinars = t.order([11], friend.id)
    await t.call('orders:recordCash', { orderId: dinars.id, tendered: 15000, requestKey: crypto.randomUUID() })
    expect(bonusEntries(t)).toEqual([])
    const yen = t.order([9], friend.id)
    await t.call('orders:recordCash', { orderId: yen.id, tendered: 6800, requestKey: crypto.randomUUID() })
    // A bonus of 5.505 is 5 yen (rounded down); in dinars it would be 5.500.
    expect(bonusEntries(t)).toEqual([
      { account_id: friend.id, kind: 'grant', amount: 5, currency: 'JPY' },
      { account_id: 1, kind: 'grant', amount: 5, currency: 'JPY' },
    ])

    // Paid mostly by credit: only the money that is not credit counts towards the threshold.
    await t.call('referrals:setRules', { threshold: '10.00', bonus: '5.00', managerToken })
    const other = await referred(t, 2, 'second.friend@example.com')
    await t.call('credit:adjust', { customerId: other.id, currency: 'GBP', amount: 2000, reason: 'Welcome voucher', requestKey: crypto.randomUUID(), managerToken })
    const mostlyCredit = t.order([4], other.id)
    await t.call('credit:apply', { orderId: mostlyCredit.id, amount: 2000, currency: 'GBP', requestKey: crypto.randomUUID() })
    await t.call('orders:recordCash', { orderId: mostlyCredit.id, tendered: 900, requestKey: crypto.randomUUID() })
    expect(t.detail(mostlyCredit.id).status).toBe('successful')
    expect(t.count('referral_bonus', `referred_account_id = ${other.id}`)).toBe(0)
  })

  it('an unknown referral code creates no customer; every customer has a code of their own', async () => {
    const t = await till()
    const before = snapshot(t.till.ctx.db)
    const error = await t.call('customers:create', { email: 'x@example.com', name: 'X', referralCode: 'NOSUCHCODE' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(/"NOSUCHCODE" is not a referral code/)
    expect(snapshot(t.till.ctx.db)).toBe(before)
    const codes = t.till.ctx.db.prepare('SELECT code FROM referral_code').pluck().all() as string[]
    expect(codes).toHaveLength(t.count('account'))
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
  })
})
