import { describe, expect, it } from 'vitest'
import {
  areCardValuesEmpty,
  cardFieldErrors,
  cvcError,
  EMPTY_CARD_VALUES,
  expiryError,
  firstCardFieldError,
  shouldShowFieldError,
  type CardFieldValues,
} from '../../src/stripe-js/card-field-errors'

const now = new Date(2026, 4, 15)
const goodCard: CardFieldValues = { number: '4242 4242 4242 4242', expiry: '12 / 30', cvc: '123', postcode: 'SW1A 1AA' }

describe('cardFieldErrors', () => {
  it('finds nothing wrong with a complete test card', () => {
    expect(firstCardFieldError(cardFieldErrors(goodCard, now))).toBeNull()
  })

  it.each([
    [{ number: '4242 4242' }, 'incomplete_number', 'Your card number is incomplete.'],
    [{ number: '4242 4242 4242 4241' }, 'invalid_number', 'Your card number is invalid.'],
    [{ expiry: '12 / 3' }, 'incomplete_expiry', "Your card's expiration date is incomplete."],
    [{ expiry: '01 / 24' }, 'invalid_expiry_year_past', "Your card's expiration date is in the past."],
    [{ expiry: '04 / 26' }, 'invalid_expiry_month_past', "Your card's expiration date is in the past."],
    [{ expiry: '00 / 30' }, 'invalid_expiry_month', "Your card's expiration month is invalid."],
    [{ cvc: '12' }, 'incomplete_cvc', "Your card's security code is incomplete."],
    [{ postcode: '' }, 'incomplete_zip', 'Your postal code is incomplete.'],
  ])('%o gives %s', (change, code, message) => {
    const error = firstCardFieldError(cardFieldErrors({ ...goodCard, ...change }, now))
    expect(error).toMatchObject({ code, message })
  })

  it('reports the first wrong field in reading order', () => {
    const error = firstCardFieldError(cardFieldErrors({ ...goodCard, number: '', cvc: '' }, now))
    expect(error?.field).toBe('number')
  })

  it('asks for four CVC digits on an Amex card', () => {
    expect(cvcError('123', '3782 822463 10005')?.code).toBe('incomplete_cvc')
    expect(cvcError('1234', '3782 822463 10005')).toBeNull()
  })

  it('marks past dates as definite and partial ones as not', () => {
    expect(expiryError('01 / 24', now)?.definite).toBe(true)
    expect(expiryError('01 / 2', now)?.definite).toBe(false)
  })
})

describe('shouldShowFieldError', () => {
  const incomplete = expiryError('1', now)
  const definite = expiryError('01 / 24', now)

  it('stays quiet while the customer is still typing an incomplete value', () => {
    expect(shouldShowFieldError(incomplete, { empty: false, touched: false, submitted: false })).toBe(false)
  })

  it('shows an incomplete value once the field is left', () => {
    expect(shouldShowFieldError(incomplete, { empty: false, touched: true, submitted: false })).toBe(true)
  })

  it('shows a definite error at once', () => {
    expect(shouldShowFieldError(definite, { empty: false, touched: false, submitted: false })).toBe(true)
  })

  it('leaves a touched empty field alone until submit, then shows it', () => {
    const missing = expiryError('', now)
    expect(shouldShowFieldError(missing, { empty: true, touched: true, submitted: false })).toBe(false)
    expect(shouldShowFieldError(missing, { empty: true, touched: true, submitted: true })).toBe(true)
  })

  it('shows nothing when there is no error', () => {
    expect(shouldShowFieldError(null, { empty: false, touched: true, submitted: true })).toBe(false)
  })
})

describe('areCardValuesEmpty', () => {
  it('is true only when every field is blank', () => {
    expect(areCardValuesEmpty(EMPTY_CARD_VALUES)).toBe(true)
    expect(areCardValuesEmpty({ ...EMPTY_CARD_VALUES, postcode: ' ' })).toBe(true)
    expect(areCardValuesEmpty({ ...EMPTY_CARD_VALUES, cvc: '1' })).toBe(false)
  })
})
