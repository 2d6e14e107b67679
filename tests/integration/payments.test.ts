import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { authenticate, payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

// Demo catalog ids: 1 Bookkeeping Basics £49.00, 2 Excel £39.00, 9 Shodō ¥6,800, 11 Arabic Calligraphy KWD 15.000.

describe('paying an order by card', () => {
  it('settles by webhook: the order succeeds and the customer owns the course, once', async () => {
    t = await startTestTill()
    const order = t.order([1, 2])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    expect(checkout).toMatchObject({ orderId: order.id, amount: 8800, currency: 'GBP' })
    expect(checkout.clientSecret).toMatch(new RegExp(`^${checkout.paymentIntentId}_secret_`))
    const intent = await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)
    expect(intent).toMatchObject({ amount: 8800, currency: 'gbp', metadata: { order_id: String(order.id) } })
    expect(intent.customer).toMatch(/^cus_/)
    expect(t.count('payment')).toBe(1)

    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    const paid = t.detail(order.id)
    expect(paid).toMatchObject({ status: 'successful', amountDue: 0 })
    expect(paid.payments[0]).toMatchObject({ method: 'card', status: 'succeeded', amountReceived: 8800 })
    expect(paid.ownership.map((o) => o.courseId)).toEqual([1, 2])
    expect(t.count("stripe_event", "outcome = 'applied'")).toBeGreaterThanOrEqual(1)
    expect(t.events).toContainEqual({ type: 'order.changed', orderId: order.id, status: 'successful' })
    // The direct check afterwards finds nothing left to do.
    const before = t.count('audit_log')
    await t.till.handlers['payments:sync']({ orderId: order.id })
    expect(t.count('audit_log')).toBe(before)
  })

  it('settles by the direct check when no webhook arrives, and the late webhook then changes nothing', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([9])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    expect(checkout).toMatchObject({ amount: 6800, currency: 'JPY' })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    expect(t.detail(order.id).status).toBe('pending')
    const synced = await t.till.handlers['payments:sync']({ orderId: order.id })
    expect(synced).toMatchObject({ status: 'successful' })
    expect(synced.ownership).toHaveLength(1)
    const audit = t.count('audit_log')
    t.till.payments.sandbox!.setDeliveryEnabled(true)
    // Settled means every delivery was answered 2xx, and the till answers only after the commit.
    await t.deliveriesSettled()
    expect(t.count('stripe_event')).toBeGreaterThan(0)
    expect(t.count('account_has_course')).toBe(1)
    expect(t.count('audit_log')).toBe(audit)
  })

  it('reuses the open intent on a second click, a reopened checkout or a restart', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const [a, b] = await Promise.all([
      t.till.handlers['payments:startCard']({ orderId: order.id }),
      t.till.handlers['payments:startCard']({ orderId: order.id }),
    ])
    expect(b.paymentIntentId).toBe(a.paymentIntentId)
    const dataDir = t.dataDir
    await t.close()
    t = await startTestTill({ dataDir })
    const again = await t.till.handlers['payments:startCard']({ orderId: order.id })
    expect(again.paymentIntentId).toBe(a.paymentIntentId)
    expect(t.count('payment')).toBe(1)
    expect((await t.stripe.paymentIntents.list({ limit: 100 })).data).toHaveLength(1)
  })

  it('records a decline with its reason, and the same order is paid on retry', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_chargeDeclinedInsufficientFunds')
    await t.deliveriesSettled()
    const declined = t.detail(order.id)
    expect(declined.status).toBe('failed')
    expect(declined.payments[0]).toMatchObject({ status: 'failed', failureCode: 'insufficient_funds', failureMessage: 'Your card has insufficient funds.' })
    expect(declined.ownership).toEqual([])

    const retry = await t.till.handlers['payments:startCard']({ orderId: order.id })
    expect(retry.paymentIntentId).toBe(checkout.paymentIntentId)
    await payAs(t.stripe, retry.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    expect(t.detail(order.id)).toMatchObject({ status: 'successful' })
    expect(t.count('account_has_course')).toBe(1)
  })

  it('waits through 3-D Secure, completed and failed', async () => {
    t = await startTestTill()
    const sandboxUrl = t.till.payments.sandbox!.url
    const completed = t.order([1])
    const first = await t.till.handlers['payments:startCard']({ orderId: completed.id })
    await payAs(t.stripe, first.paymentIntentId, 'pm_card_authenticationRequired')
    await t.deliveriesSettled()
    expect(t.detail(completed.id).payments[0]!.status).toBe('requires_action')
    await authenticate(t.stripe, sandboxUrl, first.paymentIntentId, 'complete')
    await t.deliveriesSettled()
    expect(t.detail(completed.id).status).toBe('successful')

    const failed = t.order([2])
    const second = await t.till.handlers['payments:startCard']({ orderId: failed.id })
    await payAs(t.stripe, second.paymentIntentId, 'pm_card_authenticationRequired')
    await authenticate(t.stripe, sandboxUrl, second.paymentIntentId, 'fail')
    await t.deliveriesSettled()
    expect(t.detail(failed.id)).toMatchObject({ status: 'failed' })
    expect(t.detail(failed.id).payments[0]!.failureCode).toBe('payment_intent_authentication_failure')
  })

  it('abandons a card attempt left in 3-D Secure: the intent is canceled at Stripe, and the order then takes cash', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const opened = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await payAs(t.stripe, opened.paymentIntentId, 'pm_card_authenticationRequired')
    await t.deliveriesSettled()
    await expect(t.call('orders:recordCash', { orderId: order.id, tendered: 4900 })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/in progress/) })
    const abandoned = await t.call('payments:abandonCard', { orderId: order.id })
    expect(abandoned.payments[0]!.status).toBe('canceled')
    expect((await t.stripe.paymentIntents.retrieve(opened.paymentIntentId)).status).toBe('canceled')
    expect((await t.call('orders:recordCash', { orderId: order.id, tendered: 5000 })).status).toBe('successful')
    // Nothing to abandon on a paid order: the answer is the order as it stands.
    expect((await t.call('payments:abandonCard', { orderId: order.id })).status).toBe('successful')
    // Only an attempt waiting for 3-D Secure is stopped: a card payment that went through is left alone.
    const byCard = t.order([2])
    const paid = await t.till.handlers['payments:startCard']({ orderId: byCard.id })
    await payAs(t.stripe, paid.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    expect((await t.call('payments:abandonCard', { orderId: byCard.id })).payments.map((p) => p.status)).toEqual(['succeeded'])
    expect((await t.stripe.paymentIntents.retrieve(paid.paymentIntentId)).status).toBe('succeeded')
  })

  it('charges the card only what is left after cash (split tender)', async () => {
    t = await startTestTill()
    const order = t.order([11])
    const opened = await t.till.handlers['payments:startCard']({ orderId: order.id })
    expect(opened.amount).toBe(15000)
    t.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 5000 })
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    expect(checkout).toMatchObject({ paymentIntentId: opened.paymentIntentId, amount: 10000, currency: 'KWD' })
    expect((await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)).amount).toBe(10000)
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    const paid = t.detail(order.id)
    expect(paid.status).toBe('successful')
    expect(paid.payments.map((p) => [p.method, p.amountReceived])).toEqual([
      ['card', 10000],
      ['cash', 5000],
    ])
  })

  it('cancels the open intent at Stripe once cash pays the rest, so the card form cannot charge a paid order', async () => {
    t = await startTestTill()
    const order = t.order([1])
    const opened = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await t.call('orders:recordCash', { orderId: order.id, tendered: 5000 })
    await expect.poll(async () => (await t.stripe.paymentIntents.retrieve(opened.paymentIntentId)).status).toBe('canceled')
    await expect.poll(() => t.detail(order.id).payments.find((p) => p.method === 'card')?.status).toBe('canceled')
    expect(t.detail(order.id).status).toBe('successful')
    await expect(t.stripe.paymentIntents.confirm(opened.paymentIntentId, { payment_method: 'pm_card_visa' })).rejects.toThrow()
  })

  it('refuses a paid, canceled or unknown order', async () => {
    t = await startTestTill()
    const paid = t.order([1])
    t.till.handlers['orders:recordCash']({ orderId: paid.id, tendered: 4900 })
    const canceled = t.order([2])
    t.till.handlers['orders:cancel']({ orderId: canceled.id })
    const refusal = async (orderId: number) => {
      try {
        await t.till.handlers['payments:startCard']({ orderId })
      } catch (error) {
        return error as AppError
      }
      throw new Error('expected a refusal')
    }
    expect(await refusal(paid.id)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/successful/) })
    expect(await refusal(canceled.id)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/canceled/) })
    expect(await refusal(4040)).toMatchObject({ code: 'not_found' })
    expect(t.count('payment', "method = 'card'")).toBe(0)
  })
})

describe('refunds', () => {
  it('refunds part, then the rest; a full refund revokes the courses; over-refunds are refused', async () => {
    t = await startTestTill()
    const order = t.order([1, 2])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    const paymentId = t.detail(order.id).payments[0]!.id
    const managerToken = await t.managerToken()
    const part = await t.call('payments:refund', { managerToken, paymentId, amount: 3900, reason: 'requested_by_customer', requestKey: 'refund-key-0001' })
    expect(part).toMatchObject({ status: 'partially_refunded' })
    expect(part.refunds[0]).toMatchObject({ amount: 3900, status: 'succeeded', stripeRefundId: expect.stringMatching(/^re_/) })
    expect(part.ownership).toHaveLength(2)
    // The same request again (a double click) refunds nothing more.
    await t.call('payments:refund', { managerToken, paymentId, amount: 3900, reason: 'requested_by_customer', requestKey: 'refund-key-0001' })
    expect(t.count('refund')).toBe(1)
    await expect(t.call('payments:refund', { managerToken, paymentId, amount: 5000, reason: 'duplicate' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/Only 4900/),
    })
    const full = await t.call('payments:refund', { managerToken, paymentId, amount: 4900, reason: 'duplicate' })
    expect(full).toMatchObject({ status: 'refunded', ownership: [] })
    await expect(t.call('payments:refund', { managerToken, paymentId, amount: 1, reason: 'duplicate' })).rejects.toMatchObject({ code: 'conflict' })
    await t.deliveriesSettled()
    const charge = (await t.stripe.charges.list({ payment_intent: checkout.paymentIntentId })).data[0]!
    expect(charge).toMatchObject({ amount_refunded: 8800, refunded: true })
    expect(t.count('refund')).toBe(2)
  })

  it('records cash refunds', async () => {
    t = await startTestTill()
    const order = t.order([9])
    const paid = t.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 10000 }) as Awaited<ReturnType<TestTill['detail']>>
    const managerToken = await t.managerToken()
    const refunded = await t.call('payments:refund', { managerToken, paymentId: paid.payments[0]!.id, amount: 6800, reason: 'requested_by_customer' })
    expect(refunded).toMatchObject({ status: 'refunded', ownership: [] })
    expect(refunded.refunds[0]).toMatchObject({ amount: 6800, currency: 'JPY', status: 'succeeded', stripeRefundId: null })
  })
})
