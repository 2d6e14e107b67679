import { describe, expect, it } from 'vitest'
import { containsCardLikeNumber } from '../../src/shared/card-like'

describe('card-like numbers in free text', () => {
  it.each([
    'card 4242424242424242',
    'customer read out 4242 4242 4242 4242 over the phone',
    '4000-0566-5566-5556',
    'amex 3782 822463 10005',
    '4242 4242 4242 4242 123 (with the CVC)',
    'cvc 123 4242 4242 4242 4242',
    'x4242424242424242y',
    '6011 1111 1111 1117',
    '4222222222222',
    '4000 0000 0000 0000 006',
  ])('finds one in %j', (text) => {
    expect(containsCardLikeNumber(text)).toBe(true)
  })

  it.each([
    '',
    'Refunded at the customer’s request',
    '4242 4242 4242 4241 (fails Luhn)',
    'order 1234, paid 2026-06-30 18:00',
    '+44 20 7946 0958',
    '424242424242',
    '42424242424242424242424',
  ])('finds none in %j', (text) => {
    expect(containsCardLikeNumber(text)).toBe(false)
  })
})
