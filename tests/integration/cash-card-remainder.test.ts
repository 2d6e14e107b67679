// Cash that would leave a rest no card can collect (issue 11): refused with the amounts that would work, and the
// store unchanged; cash that leaves a collectable rest goes through and the card is asked for exactly that.

import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { uncollectableRemainder } from '../../src/shared/card-collectable'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

// Demo catalog: 1 Bookkeeping Basics £49.00, 11 Arabic Calligraphy KWD 15.000.

async function refusal(call: () => unknown): Promise<AppError> {
  try {
    await call()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('cash at the till in KWD', () => {
  it('refuses cash leaving a rest that does not end in 0, says what to take, and changes nothing', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([11])
    expect(order).toMatchObject({ currency: 'KWD', amountDue: 15000 })
    const before = snapshot(t.till.ctx.db)
    const error = await refusal(() => t!.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 5125 }))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('KWD card amounts must end in 0')
    expect(error.message).toContain('5.120')
    expect(error.message).toContain('5.130')
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('refuses cash leaving less than the card minimum, offering all of it or at most the amount that leaves it', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([11])
    const before = snapshot(t.till.ctx.db)
    const error = await refusal(() => t!.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 14900 }))
    expect(error.message).toContain('less than the card minimum')
    expect(error.message).toContain('15.000')
    expect(error.message).toContain('14.800')
    expect(snapshot(t.till.ctx.db)).toBe(before)
  })

  it('takes cash that leaves a collectable rest, and the card is charged exactly the rest', async () => {
    t = await startTestTill()
    const order = t.order([11])
    const after = await t.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 5120 })
    expect(after).toMatchObject({ status: 'partially_paid', amountDue: 9880 })
    const checkout = await t.till.handlers['payments:startCard']({ orderId: order.id })
    expect(checkout).toMatchObject({ amount: 9880, currency: 'KWD' })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    expect(t.detail(order.id)).toMatchObject({ status: 'successful', amountDue: 0 })
  })

  it('takes cash over the amount due, whatever its last digit, with change', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([11])
    const paid = await t.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 20005 })
    expect(paid).toMatchObject({ status: 'successful', amountDue: 0 })
  })
})

describe('the rule', () => {
  it('knows the minimums and steps of two- and three-decimal currencies', () => {
    expect(uncollectableRemainder(4900, 4880, 'GBP')).toContain('less than the card minimum of £0.30')
    expect(uncollectableRemainder(4900, 4870, 'GBP')).toBeNull()
    expect(uncollectableRemainder(4900, 4900, 'GBP')).toBeNull()
    expect(uncollectableRemainder(10000, 5125, 'BHD')).toContain('must end in 0')
    expect(uncollectableRemainder(10000, 5120, 'BHD')).toBeNull()
    expect(uncollectableRemainder(6800, 6790, 'JPY')).toContain('less than the card minimum')
  })
})

describe('canceling an order that has taken cash but cannot be finished', () => {
  it('hands the cash back (recorded as returned) and cancels, with no revenue left', async () => {
    t = await startTestTill({ delivery: { enabled: false } })
    const order = t.order([11])
    await t.till.handlers['orders:recordCash']({ orderId: order.id, tendered: 5120 })
    const canceled = await t.till.handlers['orders:cancel']({ orderId: order.id })
    expect(canceled.status).toBe('canceled')
    expect(canceled.payments.filter((p) => p.method === 'cash')).toEqual([expect.objectContaining({ status: 'canceled', amountReceived: 0 })])
    expect(t.count('audit_log', "action = 'payment.cash_returned'")).toBe(1)
    expect(canceled.ownership).toEqual([])
  })
})
