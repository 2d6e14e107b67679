import { describe, expect, it } from 'vitest'
import { deriveOrderStatus, orderMoney, type OrderFacts } from '../../src/main/core/orders/order-status'

const order = (facts: Partial<OrderFacts>): OrderFacts => ({ amount: 1000, canceled: false, payments: [], refunds: [], ...facts })
const paid = (amountReceived: number) => ({ status: 'succeeded' as const, amountReceived })
const refund = (amount: number, status: 'succeeded' | 'pending' | 'failed' = 'succeeded') => ({ status, amount })

describe('deriveOrderStatus', () => {
  it('is pending with no payments or with one in flight', () => {
    expect(deriveOrderStatus(order({}))).toBe('pending')
    expect(deriveOrderStatus(order({ payments: [{ status: 'pending', amountReceived: 0 }] }))).toBe('pending')
    expect(deriveOrderStatus(order({ payments: [{ status: 'requires_action', amountReceived: 0 }] }))).toBe('pending')
  })
  it('is failed only while every live attempt failed', () => {
    const failed = { status: 'failed' as const, amountReceived: 0 }
    expect(deriveOrderStatus(order({ payments: [failed] }))).toBe('failed')
    expect(deriveOrderStatus(order({ payments: [failed, { status: 'pending', amountReceived: 0 }] }))).toBe('pending')
    expect(deriveOrderStatus(order({ payments: [failed, { status: 'canceled', amountReceived: 0 }] }))).toBe('failed')
  })
  it('is partially paid, then successful', () => {
    expect(deriveOrderStatus(order({ payments: [paid(400)] }))).toBe('partially_paid')
    expect(deriveOrderStatus(order({ payments: [paid(400), paid(600)] }))).toBe('successful')
  })
  it('counts only succeeded refunds', () => {
    expect(deriveOrderStatus(order({ payments: [paid(1000)], refunds: [refund(300, 'pending')] }))).toBe('successful')
    expect(deriveOrderStatus(order({ payments: [paid(1000)], refunds: [refund(300, 'failed')] }))).toBe('successful')
    expect(deriveOrderStatus(order({ payments: [paid(1000)], refunds: [refund(300)] }))).toBe('partially_refunded')
    expect(deriveOrderStatus(order({ payments: [paid(1000)], refunds: [refund(300), refund(700)] }))).toBe('refunded')
  })
  it('treats a partly paid order refunded in full as refunded', () => {
    expect(deriveOrderStatus(order({ payments: [paid(400)], refunds: [refund(400)] }))).toBe('refunded')
  })
  it('is canceled only when no money came in', () => {
    expect(deriveOrderStatus(order({ canceled: true }))).toBe('canceled')
    expect(deriveOrderStatus(order({ canceled: true, payments: [paid(1000)] }))).toBe('successful')
  })
  it('ignores amounts of payments that did not succeed', () => {
    expect(orderMoney(order({ payments: [{ status: 'failed', amountReceived: 1000 }, paid(250)] }))).toEqual({
      paid: 250,
      refunded: 0,
      due: 750,
    })
  })
})
