import { describe, expect, it } from 'vitest'
import {
  MoneyError,
  addMoney,
  currencyExponent,
  formatMoney,
  isStripeChargeable,
  normalizeCurrency,
  parseAmount,
  toDecimalString,
} from '../../src/shared/money'

describe('currencyExponent', () => {
  it('knows zero-, two- and three-decimal currencies', () => {
    expect(currencyExponent('JPY')).toBe(0)
    expect(currencyExponent('krw')).toBe(0)
    expect(currencyExponent('XOF')).toBe(0)
    expect(currencyExponent('KWD')).toBe(3)
    expect(currencyExponent('bhd')).toBe(3)
    expect(currencyExponent('TND')).toBe(3)
    expect(currencyExponent('GBP')).toBe(2)
    expect(currencyExponent('USD')).toBe(2)
  })
  it('refuses what is not an ISO code', () => {
    expect(() => currencyExponent('pounds')).toThrow(MoneyError)
    expect(() => normalizeCurrency('U5D')).toThrow(/not an ISO 4217/)
  })
})

describe('parseAmount', () => {
  it.each([
    ['12.50', 'GBP', 1250],
    ['12.5', 'EUR', 1250],
    ['12', 'USD', 1200],
    ['0.01', 'USD', 1],
    ['1,234.56', 'GBP', 123456],
    [' 7 ', 'GBP', 700],
    ['1000', 'JPY', 1000],
    ['1,000', 'KRW', 1000],
    ['1.234', 'KWD', 1234],
    ['15', 'KWD', 15000],
    ['0.1', 'BHD', 100],
    // 0.1 + 0.2 style float traps: digits are never multiplied as floats.
    ['0.29', 'USD', 29],
    ['1.15', 'GBP', 115],
    ['4.35', 'EUR', 435],
  ])('"%s" %s → %i', (input, currency, expected) => {
    expect(parseAmount(input, currency)).toBe(expected)
  })

  it.each([
    ['10.5', 'JPY', /JPY has no decimal places/],
    ['1.001', 'GBP', /at most 2 decimal places/],
    ['1.2345', 'KWD', /at most 3 decimal places/],
    ['-5', 'GBP', /not an amount/],
    ['1e3', 'GBP', /not an amount/],
    ['', 'GBP', /not an amount/],
    ['abc', 'GBP', /not an amount/],
    ['1.2.3', 'GBP', /not an amount/],
    ['0x10', 'GBP', /not an amount/],
    ['99999999999999999', 'GBP', /too large/],
  ])('refuses "%s" in %s', (input, currency, message) => {
    expect(() => parseAmount(input, currency)).toThrow(message)
  })
})

describe('toDecimalString and formatMoney', () => {
  it('places the decimal point by currency', () => {
    expect(toDecimalString(1234, 'GBP')).toBe('12.34')
    expect(toDecimalString(5, 'USD')).toBe('0.05')
    expect(toDecimalString(6800, 'JPY')).toBe('6800')
    expect(toDecimalString(15000, 'KWD')).toBe('15.000')
    expect(toDecimalString(7, 'KWD')).toBe('0.007')
    expect(toDecimalString(-250, 'EUR')).toBe('-2.50')
  })
  it('formats with symbol and the right number of decimals', () => {
    expect(formatMoney(4900, 'GBP')).toBe('£49.00')
    expect(formatMoney(6800, 'JPY')).toBe('JP¥6,800')
    expect(formatMoney(6800, 'JPY', 'ja-JP')).toBe('￥6,800')
    expect(formatMoney(15000, 'KWD')).toMatch(/^KWD\s?15\.000$/)
    expect(formatMoney(123456789, 'USD', 'en-US')).toBe('$1,234,567.89')
  })
  it('formats amounts beyond float precision exactly', () => {
    expect(formatMoney(9007199254740991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91')
  })
  it('refuses fractional minor units', () => {
    expect(() => toDecimalString(12.5, 'GBP')).toThrow(/whole number of minor units/)
  })
})

describe('arithmetic and Stripe rules', () => {
  it('adds only the same currency', () => {
    expect(addMoney({ amount: 100, currency: 'GBP' }, { amount: 250, currency: 'GBP' })).toEqual({ amount: 350, currency: 'GBP' })
    expect(() => addMoney({ amount: 1, currency: 'GBP' }, { amount: 1, currency: 'EUR' })).toThrow(/cannot add/)
  })
  it('knows Stripe wants three-decimal amounts ending in 0', () => {
    expect(isStripeChargeable(15000, 'KWD')).toBe(true)
    expect(isStripeChargeable(15005, 'KWD')).toBe(false)
    expect(isStripeChargeable(1, 'JPY')).toBe(true)
    expect(isStripeChargeable(0, 'GBP')).toBe(false)
    expect(isStripeChargeable(1.5, 'GBP')).toBe(false)
  })
})
