import { describe, expect, it } from 'vitest'
import {
  caretAfterDigits,
  cvcLength,
  detectBrand,
  formatCardNumber,
  formatExpiry,
  isCardNumberValid,
  isExpiryInPast,
  isExpiryTooFarAhead,
  isPostcodeComplete,
  parseExpiry,
  passesLuhn,
  sanitiseCvc,
  sanitisePostcode,
} from '../../src/stripe-js/card-validation'

describe('passesLuhn', () => {
  it.each(['4242424242424242', '4000002500003155', '4000000000009995', '4000000000000002', '378282246310005'])(
    'accepts the test card %s',
    (digits) => expect(passesLuhn(digits)).toBe(true),
  )

  it('rejects 4242 4242 4242 4241, the test card made to fail the check', () => {
    expect(passesLuhn('4242424242424241')).toBe(false)
  })

  it('rejects empty and non-digit input', () => {
    expect(passesLuhn('')).toBe(false)
    expect(passesLuhn('4242 4242')).toBe(false)
  })
})

describe('detectBrand', () => {
  it.each([
    ['4', 'visa'],
    ['4242424242424242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['34', 'amex'],
    ['6011111111111117', 'discover'],
    ['3056930009020004', 'diners'],
    ['3566002020360505', 'jcb'],
    ['6200000000000005', 'unionpay'],
    ['9', 'unknown'],
    ['', 'unknown'],
  ])('%s is %s', (digits, brand) => expect(detectBrand(digits)).toBe(brand))
})

describe('isCardNumberValid', () => {
  it('needs the brand length and a passing Luhn check', () => {
    expect(isCardNumberValid('4242424242424242')).toBe(true)
    expect(isCardNumberValid('424242424242424')).toBe(false)
    expect(isCardNumberValid('4242424242424241')).toBe(false)
    expect(isCardNumberValid('378282246310005')).toBe(true)
  })
})

describe('formatCardNumber', () => {
  it('groups in fours and drops anything that is not a digit', () => {
    expect(formatCardNumber('4242x4242424')).toBe('4242 4242 424')
    expect(formatCardNumber('4242 4242 4242 4242')).toBe('4242 4242 4242 4242')
  })

  it('stops at the brand maximum length', () => {
    expect(formatCardNumber('42424242424242429999')).toBe('4242 4242 4242 4242')
  })

  it('prints Amex as 4-6-5', () => {
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005')
    expect(formatCardNumber('37828224')).toBe('3782 8224')
  })
})

describe('formatExpiry', () => {
  it('adds the separator once the month is typed', () => {
    expect(formatExpiry('1')).toBe('1')
    expect(formatExpiry('12')).toBe('12 / ')
    expect(formatExpiry('1234')).toBe('12 / 34')
    expect(formatExpiry('12 / 345')).toBe('12 / 34')
  })

  it('pads single-digit months that cannot be the start of 10-12', () => {
    expect(formatExpiry('4')).toBe('04 / ')
    expect(formatExpiry('13')).toBe('01 / 3')
  })

  it('lets backspace remove the separator', () => {
    expect(formatExpiry('12 /', true)).toBe('12')
  })

  it('accepts an autofilled four-digit year', () => {
    expect(formatExpiry('12/2031')).toBe('12 / 31')
  })
})

describe('parseExpiry and the date checks', () => {
  const now = new Date(2026, 4, 15) // 15 May 2026

  it('parses MM / YY into a month and four-digit year', () => {
    expect(parseExpiry('05 / 31')).toEqual({ month: 5, year: 2031 })
    expect(parseExpiry('05 / 3')).toBeNull()
  })

  it('treats the current month as still valid', () => {
    expect(isExpiryInPast({ month: 5, year: 2026 }, now)).toBe(false)
    expect(isExpiryInPast({ month: 4, year: 2026 }, now)).toBe(true)
    expect(isExpiryInPast({ month: 12, year: 2025 }, now)).toBe(true)
    expect(isExpiryInPast({ month: 1, year: 2027 }, now)).toBe(false)
  })

  it('flags years more than 50 years ahead', () => {
    expect(isExpiryTooFarAhead({ month: 1, year: 2076 }, now)).toBe(false)
    expect(isExpiryTooFarAhead({ month: 1, year: 2077 }, now)).toBe(true)
  })
})

describe('CVC', () => {
  it('is 4 digits for Amex and 3 otherwise', () => {
    expect(cvcLength('amex')).toBe(4)
    expect(cvcLength('visa')).toBe(3)
    expect(cvcLength('unknown')).toBe(3)
  })

  it('is trimmed to the brand length', () => {
    expect(sanitiseCvc('12a34', 'visa')).toBe('123')
    expect(sanitiseCvc('12a34', 'amex')).toBe('1234')
  })
})

describe('postcode', () => {
  it('upper-cases and keeps letters, digits, spaces and hyphens', () => {
    expect(sanitisePostcode('sw1a 1aa!')).toBe('SW1A 1AA')
    expect(sanitisePostcode('  12345-6789xyz')).toBe('12345-6789')
  })

  it('is complete from three letters or digits', () => {
    expect(isPostcodeComplete('')).toBe(false)
    expect(isPostcodeComplete('E1')).toBe(false)
    expect(isPostcodeComplete('E1 6')).toBe(true)
    expect(isPostcodeComplete('94107')).toBe(true)
  })
})

describe('caretAfterDigits', () => {
  it('places the caret after the same digit once spaces are inserted', () => {
    expect(caretAfterDigits('4242 4242 42', 5)).toBe(6)
    expect(caretAfterDigits('4242 4242 42', 4)).toBe(4)
    expect(caretAfterDigits('4242', 0)).toBe(0)
    expect(caretAfterDigits('4242', 9)).toBe(4)
  })
})
