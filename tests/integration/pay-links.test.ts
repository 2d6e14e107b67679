import { afterEach, describe, expect, it } from 'vitest'
import type { LiveEvent } from '../../src/shared/domain'
import { AppError } from '../../src/shared/errors'
import { snapshot } from '../helpers/temp-store'
import { customerOnClock } from '../helpers/membership-fixtures'
import { payOnPage } from '../helpers/pay-page'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

// Demo catalog ids: 1 Bookkeeping Basics £49.00, 2 Excel £39.00, 9 Shodō ¥6,800.

function nextEvent(till: TestTill, match: (event: LiveEvent) => boolean): Promise<LiveEvent> {
  return new Promise((resolve) => {
    const stop = till.till.ctx.bus.subscribe((event) => {
      if (match(event)) {
        stop()
        resolve(event)
      }
    })
  })
}

describe('pay on phone / send link', () => {
  it('makes a session for what is owed, scoped to this till, with a QR code; reuses it while open', async () => {
    t = await startTestTill()
    const order = t.order([1, 2])
    const [link, again] = await Promise.all([t.call('payLinks:open', { orderId: order.id }), t.call('payLinks:open', { orderId: order.id })])
    expect(again.id).toBe(link.id)
    expect(link).toMatchObject({ orderId: order.id, amount: 8800, currency: 'GBP', status: 'open' })
    expect(link.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(link.qrDataUrl!.split(',')[1]!, 'base64').toString()).toContain('<svg')
    const session = await t.stripe.checkout.sessions.retrieve(link.stripeSessionId!)
    expect(session).toMatchObject({ amount_total: 8800, currency: 'gbp', status: 'open', url: link.url })
    expect(session.metadata).toEqual({ coursetill_install: t.till.ctx.installationId, order_id: String(order.id), coursetill_pay_link: '1' })
    expect(session.expires_at * 1000).toBe(link.expiresAt)
    expect(t.count('checkout_link')).toBe(1)
    expect(t.count('payment')).toBe(0)
  })

  it('paid on the pay page: one card payment, the order paid and the courses owned; duplicates change nothing', async () => {
    t = await startTestTill({ delivery: { copies: 3, shuffle: true } })
    const order = t.order([1, 2])
    const link = await t.call('payLinks:open', { orderId: order.id })
    const paid = await payOnPage(link.url!)
    expect(paid.status).toBe(303)
    expect(paid.headers.get('location')).toMatch(/\/checkout\/cs_test_\w+\/done$/)
    await t.deliveriesSettled()
    const detail = t.detail(order.id)
    expect(detail).toMatchObject({ status: 'successful', amountDue: 0 })
    expect(detail.payments).toHaveLength(1)
    expect(detail.payments[0]).toMatchObject({ method: 'card', status: 'succeeded', amountReceived: 8800 })
    expect(detail.ownership.map((o) => o.courseId)).toEqual([1, 2])
    // The intent's events and the session's both name the payment: each was applied, none failed.
    expect(t.count('stripe_event', "outcome = 'failed'")).toBe(0)
    expect((await t.call('payLinks:list', { orderId: order.id }))[0]).toMatchObject({ status: 'complete', url: null })
    const done = await fetch(paid.headers.get('location')!.startsWith('http') ? paid.headers.get('location')! : new URL(paid.headers.get('location')!, link.url!).toString())
    expect(await done.text()).toContain('received')
  })

  it('a payment that settles later: processing first (the order waits, cash is refused), then paid by async_payment_succeeded', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const link = await t.call('payLinks:open', { orderId: order.id })
    const settled = nextEvent(t, (e) => e.type === 'order.changed' && e.orderId === order.id && e.status === 'successful')
    await payOnPage(link.url!, '4000 0099 9000 0005')
    await t.deliveriesSettled()
    const waiting = t.detail(order.id)
    if (waiting.status !== 'successful') {
      expect(waiting.payments).toMatchObject([{ method: 'card', status: 'processing' }])
      await expect(t.call('orders:recordCash', { orderId: order.id, tendered: 4900 })).rejects.toThrow(/in progress/)
    }
    await settled
    await t.deliveriesSettled()
    expect(t.detail(order.id)).toMatchObject({ status: 'successful', payments: [{ status: 'succeeded', amountReceived: 4900 }] })
  })

  it('settles by the direct check when no webhook arrives; the late webhooks then change nothing', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([9])
    const link = await t.call('payLinks:open', { orderId: order.id })
    await payOnPage(link.url!)
    expect(t.detail(order.id).status).toBe('pending')
    const [synced] = await t.call('payLinks:sync', { orderId: order.id })
    expect(synced).toMatchObject({ status: 'complete' })
    expect(t.detail(order.id)).toMatchObject({ status: 'successful', amountDue: 0 })
    const audit = t.count('audit_log')
    t.till.payments.sandbox!.setDeliveryEnabled(true)
    await t.deliveriesSettled()
    expect(t.count('payment')).toBe(1)
    expect(t.count('audit_log')).toBe(audit)
    expect(t.count('stripe_event', "outcome = 'failed'")).toBe(0)
  })

  it('catch-up finds a completed session whose webhooks were lost', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([1])
    const link = await t.call('payLinks:open', { orderId: order.id })
    await payOnPage(link.url!)
    const status = await t.till.payments.catchUp.run()
    expect(status.state).toBe('idle')
    expect(t.detail(order.id)).toMatchObject({ status: 'successful' })
    expect(t.count('payment')).toBe(1)
  })

  it('a decline on the pay page shows on the link, which stays open; a second card then pays', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const link = await t.call('payLinks:open', { orderId: order.id })
    const declined = await payOnPage(link.url!, '4000 0000 0000 9995')
    expect(declined.status).toBe(200)
    await t.deliveriesSettled()
    expect((await t.call('payLinks:list', { orderId: order.id }))[0]).toMatchObject({ status: 'open', lastFailure: 'insufficient_funds' })
    expect(t.detail(order.id)).toMatchObject({ status: 'pending', payments: [] })
    await payOnPage(link.url!)
    await t.deliveriesSettled()
    expect(t.detail(order.id)).toMatchObject({ status: 'successful' })
  })

  it('expires on the test clock: the link is closed, the order still unpaid', async () => {
    t = await startTestTill()
    const { clock } = await customerOnClock(t)
    const order = t.order([1])
    const link = await t.call('payLinks:open', { orderId: order.id })
    await t.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: link.expiresAt / 1000 + 60 })
    await t.deliveriesSettled()
    expect((await t.call('payLinks:list', { orderId: order.id }))[0]).toMatchObject({ status: 'expired', url: null })
    expect(t.events).toContainEqual({ type: 'payLink.changed', orderId: order.id, linkId: link.id, status: 'expired' })
    expect(t.detail(order.id)).toMatchObject({ status: 'pending', payments: [] })
  })

  it('withdrawn by staff: expired at Stripe, and the next link is a new session', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const link = await t.call('payLinks:open', { orderId: order.id })
    const [withdrawn] = await t.call('payLinks:expire', { orderId: order.id })
    expect(withdrawn).toMatchObject({ status: 'expired', url: null })
    const next = await t.call('payLinks:open', { orderId: order.id })
    expect(next.stripeSessionId).not.toBe(link.stripeSessionId)
    expect(next.status).toBe('open')
  })

  it('paid meanwhile by cash: the session is expired at Stripe and can no longer be paid', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const link = await t.call('payLinks:open', { orderId: order.id })
    const expired = nextEvent(t, (e) => e.type === 'payLink.changed' && e.status === 'expired')
    await t.call('orders:recordCash', { orderId: order.id, tendered: 5000 })
    await expired
    expect((await t.stripe.checkout.sessions.retrieve(link.stripeSessionId!)).status).toBe('expired')
    expect((await payOnPage(link.url!)).status).toBe(410)
    await t.deliveriesSettled()
    expect(t.detail(order.id).payments.map((p) => p.method)).toEqual(['cash'])
  })

  it('paid on the phone while cash was taken: both are recorded and the order is held for review (refund one)', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([1])
    const link = await t.call('payLinks:open', { orderId: order.id })
    await payOnPage(link.url!)
    const recorded = nextEvent(t, (e) => e.type === 'payLink.changed' && e.status === 'complete')
    // The till has not heard of the phone payment yet: staff take cash, and expiring the link finds it paid.
    await t.call('orders:recordCash', { orderId: order.id, tendered: 4900 })
    await recorded
    const detail = t.detail(order.id)
    expect(detail.payments.map((p) => [p.method, p.status])).toEqual([['cash', 'succeeded'], ['card', 'succeeded']])
    expect(t.till.ctx.db.prepare('SELECT review_reason FROM purchase_order WHERE id = ?').pluck().get(order.id)).toMatch(/refund one of the payments/)
  })

  it('part paid in cash: the link for the old amount is expired and the next one asks only what is owed', async () => {
    t = await startTestTill()
    const order = t.order([1, 2])
    const first = await t.call('payLinks:open', { orderId: order.id })
    const expired = nextEvent(t, (e) => e.type === 'payLink.changed' && e.status === 'expired')
    await t.call('orders:recordCash', { orderId: order.id, tendered: 3800 })
    await expired
    const second = await t.call('payLinks:open', { orderId: order.id })
    expect(second).toMatchObject({ amount: 5000, status: 'open' })
    expect(second.id).not.toBe(first.id)
  })

  it('canceling the order expires its link', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const link = await t.call('payLinks:open', { orderId: order.id })
    const expired = nextEvent(t, (e) => e.type === 'payLink.changed' && e.status === 'expired')
    await t.call('orders:cancel', { orderId: order.id })
    await expired
    expect((await t.stripe.checkout.sessions.retrieve(link.stripeSessionId!)).status).toBe('expired')
  })

  it('a link left half-made long ago (the till stopped before Stripe answered) is given up, and a new one made', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const long = Date.now() - 60 * 60_000
    t.till.ctx.db
      .prepare("INSERT INTO checkout_link (order_id, seq, amount, currency, status, expires_at, created_at, updated_at) VALUES (?, 1, 4900, 'GBP', 'creating', ?, ?, ?)")
      .run(order.id, long + 30 * 60_000, long, long)
    const link = await t.call('payLinks:open', { orderId: order.id })
    expect(link).toMatchObject({ status: 'open', amount: 4900 })
    expect((await t.call('payLinks:list', { orderId: order.id })).map((l) => l.status)).toEqual(['expired', 'open'])
    expect((await t.stripe.checkout.sessions.retrieve(link.stripeSessionId!)).metadata).toMatchObject({ coursetill_pay_link: '2' })
  })

  it('refuses a paid, canceled or membership order with a clear error and changes nothing', async () => {
    t = await startTestTill()
    const order = t.order([1])
    await t.call('orders:recordCash', { orderId: order.id, tendered: 4900 })
    const before = snapshot(t.till.ctx.db)
    await expect(t.call('payLinks:open', { orderId: order.id })).rejects.toThrow(`Order ${order.id} is successful; it takes no payment`)
    await expect(t.call('payLinks:open', { orderId: 999 })).rejects.toBeInstanceOf(AppError)
    await expect(t.call('payLinks:open', { orderId: order.id, lifetimeMinutes: 5 })).rejects.toThrow()
    expect(snapshot(t.till.ctx.db)).toEqual(before)
  })
})
