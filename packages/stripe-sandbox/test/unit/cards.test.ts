import { describe, expect, it } from 'vitest'
import { fullYear, isCardInputError, validateCardInput } from '../../src/cards/card-input'
import { passesLuhn as luhnValid } from '../../src/cards/luhn'
import { cardBehaviour, cardBrand, TEST_PAYMENT_METHOD_TOKENS } from '../../src/cards/test-cards'

// 2030-06-15 UTC
const NOW = Date.UTC(2030, 5, 15) / 1000

describe('luhnValid', () => {
  it('accepts the test cards and refuses 4242…4241', () => {
    expect(luhnValid('4242424242424242')).toBe(true)
    expect(luhnValid('4000002500003155')).toBe(true)
    expect(luhnValid('378282246310005')).toBe(true)
    expect(luhnValid('4242424242424241')).toBe(false)
    expect(luhnValid('42x2')).toBe(false)
  })
})

describe('cardBehaviour', () => {
  it('follows the documented table', () => {
    expect(cardBehaviour('4242424242424242')).toEqual({ kind: 'succeed' })
    expect(cardBehaviour('4000002500003155')).toEqual({ kind: 'authenticate' })
    const cases: Array<[string, string, string, string]> = [
      ['4000000000000002', 'card_declined', 'generic_decline', 'Your card was declined.'],
      ['4000000000009995', 'card_declined', 'insufficient_funds', 'Your card has insufficient funds.'],
      ['4000000000009987', 'card_declined', 'lost_card', 'Your card was declined.'],
      ['4000000000009979', 'card_declined', 'stolen_card', 'Your card was declined.'],
      ['4000000000000069', 'expired_card', 'expired_card', 'Your card has expired.'],
      ['4000000000000127', 'incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."],
      [
        '4000000000000119',
        'processing_error',
        'processing_error',
        'An error occurred while processing your card. Try again in a little bit.',
      ],
    ]
    for (const [number, code, declineCode, message] of cases) {
      expect(cardBehaviour(number)).toMatchObject({ kind: 'decline', decline: { code, declineCode, message } })
    }
  })

  it('maps every pm_card token to a Luhn-valid number', () => {
    for (const number of Object.values(TEST_PAYMENT_METHOD_TOKENS)) expect(luhnValid(number)).toBe(true)
    expect(cardBehaviour(TEST_PAYMENT_METHOD_TOKENS.pm_card_threeDSecure2Required ?? '')).toEqual({ kind: 'authenticate' })
  })

  it('names brands', () => {
    expect(cardBrand('4242424242424242')).toBe('visa')
    expect(cardBrand('5555555555554444')).toBe('mastercard')
    expect(cardBrand('378282246310005')).toBe('amex')
  })
})

describe('validateCardInput', () => {
  const valid = { number: '4242 4242 4242 4242', expMonth: '12', expYear: '34', cvc: '123' }

  it('normalizes a valid card', () => {
    expect(validateCardInput(valid, NOW)).toEqual({ number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' })
    expect(fullYear(2031)).toBe(2031)
  })

  it('refuses numbers failing Luhn as incorrect_number', () => {
    const result = validateCardInput({ ...valid, number: '4242424242424241' }, NOW)
    expect(result).toEqual({ code: 'incorrect_number', message: 'Your card number is incorrect.', param: 'number' })
  })

  it('refuses past and impossible expiry dates', () => {
    const check = (expMonth: string, expYear: string) => {
      const result = validateCardInput({ ...valid, expMonth, expYear }, NOW)
      return isCardInputError(result) ? result.code : 'ok'
    }
    expect(check('12', '2029')).toBe('invalid_expiry_year')
    expect(check('5', '2030')).toBe('invalid_expiry_month')
    expect(check('6', '2030')).toBe('ok')
    expect(check('13', '2031')).toBe('invalid_expiry_month')
    expect(check('1', 'abc')).toBe('invalid_expiry_year')
  })

  it('checks CVC length per brand', () => {
    expect(isCardInputError(validateCardInput({ ...valid, cvc: '12' }, NOW))).toBe(true)
    expect(isCardInputError(validateCardInput({ ...valid, number: '378282246310005', cvc: '123' }, NOW))).toBe(true)
    expect(isCardInputError(validateCardInput({ ...valid, number: '378282246310005', cvc: '1234' }, NOW))).toBe(false)
  })
})
