import { describe, expect, it } from 'vitest'
import { majorToMinor } from '../../src/main/core/credit/referral-rules'

describe('referral amounts in each currency by its exponent', () => {
  it.each([
    ['10.00', 'GBP', 'up', 1000],
    ['10.00', 'JPY', 'up', 10],
    ['10.00', 'KWD', 'up', 10000],
    ['10.5', 'JPY', 'up', 11],
    ['10.5', 'JPY', 'down', 10],
    ['5.505', 'KWD', 'down', 5500],
    ['5.505', 'KWD', 'up', 5505],
    ['0.001', 'GBP', 'up', 1],
    ['0.009', 'GBP', 'down', 0],
    ['7', 'EUR', 'down', 700],
  ] as const)('%s %s rounded %s is %i minor units', (decimal, currency, rounding, minor) => {
    expect(majorToMinor(decimal, currency, rounding)).toBe(minor)
  })

  it('refuses anything but a plain decimal', () => {
    expect(() => majorToMinor('-1', 'GBP', 'up')).toThrow(/not a decimal/)
    expect(() => majorToMinor('1e3', 'GBP', 'up')).toThrow(/not a decimal/)
  })
})
