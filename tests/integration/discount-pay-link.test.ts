import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

// Demo catalog ids: 1 Bookkeeping Basics £49.00, 2 Excel £39.00.

describe('a discount and an open pay link', () => {
  it('refuses to change the price while a pay link for the old amount is open, then takes it once the link is withdrawn', async () => {
    t = await startTestTill()
    const order = t.order([1, 2])
    const link = await t.call('payLinks:open', { orderId: order.id })
    expect(link.amount).toBe(8800)
    const discount = { orderId: order.id, courseId: null, kind: 'percent', value: 500, reason: 'Regular' } as const

    const refused = await t.call('orders:discount', discount).catch((failure: unknown) => failure)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/pay link.*withdraw it/i) })
    expect(t.detail(order.id)).toMatchObject({ amount: 8800, discounts: [] })
    expect(t.count('order_discount')).toBe(0)

    await t.call('payLinks:expire', { orderId: order.id })
    const discounted = await t.call('orders:discount', discount)
    expect(discounted).toMatchObject({ amount: 8360 })

    // The same holds for taking a discount back off: a new link is for the new amount, and it must be withdrawn first.
    const relinked = await t.call('payLinks:open', { orderId: order.id })
    expect(relinked.amount).toBe(8360)
    const removal = await t.call('orders:removeDiscount', { orderId: order.id, discountId: discounted.discounts[0]!.id }).catch((failure: unknown) => failure)
    expect(removal).toMatchObject({ code: 'conflict' })
    expect(t.detail(order.id)).toMatchObject({ amount: 8360 })
  })
})
