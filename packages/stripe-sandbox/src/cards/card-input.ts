// Checks Stripe makes when raw card details arrive (creating a PaymentMethod, or payment_method_data on
// confirm). A failure here is a card_error (HTTP 402) and never reaches the "bank".

import { passesLuhn } from './luhn'
import { DECLINE_MESSAGES, cardBrand } from './test-cards'

export interface CardInput {
  number: string
  expMonth: string
  expYear: string
  cvc?: string
}

export interface ValidCard {
  number: string
  expMonth: number
  expYear: number
  cvc?: string
}

export interface CardInputError {
  code: string
  message: string
  param: string
}

/** `34` means 2034, as Stripe reads two-digit years. */
export function fullYear(year: number): number {
  return year < 100 ? 2000 + year : year
}

export function validateCardInput(input: CardInput, nowSeconds: number): ValidCard | CardInputError {
  const number = input.number.replace(/[\s-]/g, '')
  if (!/^\d{12,19}$/.test(number)) {
    return { code: 'invalid_number', message: 'Your card number is not a valid credit card number.', param: 'number' }
  }
  if (!passesLuhn(number)) return { code: 'incorrect_number', message: DECLINE_MESSAGES.incorrectNumber, param: 'number' }
  const month = /^\d{1,2}$/.test(input.expMonth) ? Number(input.expMonth) : NaN
  if (!(month >= 1 && month <= 12)) {
    return { code: 'invalid_expiry_month', message: "Your card's expiration month is invalid.", param: 'exp_month' }
  }
  const year = /^\d{2}$|^\d{4}$/.test(input.expYear) ? fullYear(Number(input.expYear)) : NaN
  const today = new Date(nowSeconds * 1000)
  const thisYear = today.getUTCFullYear()
  if (!(year >= thisYear && year <= thisYear + 50)) {
    return { code: 'invalid_expiry_year', message: "Your card's expiration year is invalid.", param: 'exp_year' }
  }
  if (year === thisYear && month < today.getUTCMonth() + 1) {
    return { code: 'invalid_expiry_month', message: "Your card's expiration month is invalid.", param: 'exp_month' }
  }
  const cvcLength = cardBrand(number) === 'amex' ? 4 : 3
  if (input.cvc !== undefined && !new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc)) {
    return { code: 'invalid_cvc', message: "Your card's security code is invalid.", param: 'cvc' }
  }
  return { number, expMonth: month, expYear: year, ...(input.cvc !== undefined ? { cvc: input.cvc } : {}) }
}

export function isCardInputError(result: ValidCard | CardInputError): result is CardInputError {
  return 'code' in result
}
