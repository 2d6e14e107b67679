import { describe, expect, it } from 'vitest'
import { ORDER_STATUSES } from '../../src/shared/domain'
import { isFinal, isOpen, isPaid, isPayable, orderMoney, orderStatusLabel } from '../../src/shared/order-rules'
import { deriveOrderStatus } from '../../src/main/core/orders/order-status'

describe('the shared order vocabulary', () => {
  it('puts every status in exactly one of paid, payable or canceled', () => {
    for (const status of ORDER_STATUSES) {
      const kinds = [isPaid(status), isPayable(status), status === 'canceled'].filter(Boolean)
      expect(kinds, status).toHaveLength(1)
    }
  })

  it('counts a refunded order as paid (its receipt stands) and final; a declined one as payable and open', () => {
    expect(isPaid('refunded')).toBe(true)
    expect(isFinal('refunded')).toBe(true)
    expect(isPayable('failed')).toBe(true)
    expect(isOpen('failed')).toBe(true)
    expect(isFinal('failed')).toBe(false)
    expect(isPaid('partially_paid')).toBe(false)
  })

  it('agrees with the status the store derives: fully paid orders are paid, whatever was refunded since', () => {
    const card = (amountReceived: number) => ({ status: 'succeeded' as const, amountReceived })
    for (const refunded of [0, 300, 1000]) {
      const facts = { amount: 1000, canceled: false, payments: [card(1000)], refunds: refunded ? [{ status: 'succeeded' as const, amount: refunded }] : [] }
      expect(isPaid(deriveOrderStatus(facts))).toBe(true)
      expect(orderMoney(facts)).toEqual({ paid: 1000, refunded, due: 0 })
    }
    expect(isPayable(deriveOrderStatus({ amount: 1000, canceled: false, payments: [card(400)], refunds: [] }))).toBe(true)
  })

  it('has words for staff for every status, and never calls a payable order failed', () => {
    for (const status of ORDER_STATUSES) expect(orderStatusLabel(status)).toMatch(/^[A-Z][a-z ]+$/)
    expect(orderStatusLabel('failed')).not.toMatch(/fail/i)
  })
})
