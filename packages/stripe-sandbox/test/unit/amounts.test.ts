import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/http/errors'
import { assertChargeableAmount, formatAmount, normalizeCurrency } from '../../src/payments/amounts'

function codeOf(fn: () => void): string | undefined {
  try {
    fn()
    return undefined
  } catch (error) {
    return (error as ApiError).body.code
  }
}

describe('amounts', () => {
  it('formats by currency exponent', () => {
    expect(formatAmount(1234, 'usd')).toBe('12.34 usd')
    expect(formatAmount(500, 'jpy')).toBe('500 jpy')
    expect(formatAmount(1230, 'kwd')).toBe('1.230 kwd')
  })

  it('normalizes currency codes to lowercase and refuses others', () => {
    expect(normalizeCurrency('EUR')).toBe('eur')
    expect(() => normalizeCurrency('euro')).toThrow(ApiError)
  })

  it('applies minimums, the eight-digit maximum and the three-decimal rule', () => {
    expect(codeOf(() => assertChargeableAmount(49, 'usd'))).toBe('amount_too_small')
    expect(codeOf(() => assertChargeableAmount(50, 'usd'))).toBeUndefined()
    expect(codeOf(() => assertChargeableAmount(100_000_000, 'usd'))).toBe('amount_too_large')
    expect(codeOf(() => assertChargeableAmount(1005, 'kwd'))).toBe('invalid_charge_amount')
    expect(codeOf(() => assertChargeableAmount(1010, 'kwd'))).toBeUndefined()
  })
})
