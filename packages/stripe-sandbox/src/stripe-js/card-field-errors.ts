// Which card field is wrong and the message Stripe's Payment Element shows for it.
// The codes and wording follow Stripe.js validation errors, so checkout code that
// displays `error.message` behaves the same in the sandbox as against Stripe.

import {
  detectBrand,
  digitsOnly,
  cvcLength,
  isCardNumberLengthComplete,
  isExpiryInPast,
  isExpiryMonthValid,
  isExpiryTooFarAhead,
  isPostcodeComplete,
  parseExpiry,
  passesLuhn,
} from './card-validation'

export type CardField = 'number' | 'expiry' | 'cvc' | 'postcode'

export const CARD_FIELDS: readonly CardField[] = ['number', 'expiry', 'cvc', 'postcode']

export type CardFieldValues = Readonly<Record<CardField, string>>

export interface CardFieldError {
  field: CardField
  code: string
  message: string
  /** True when more typing cannot fix it (a wrong number, a past date): shown at once, not only on blur. */
  definite: boolean
}

export type CardFieldErrors = Readonly<Record<CardField, CardFieldError | null>>

export const EMPTY_CARD_VALUES: CardFieldValues = { number: '', expiry: '', cvc: '', postcode: '' }

function incomplete(field: CardField, code: string, message: string): CardFieldError {
  return { field, code, message, definite: false }
}

function invalid(field: CardField, code: string, message: string): CardFieldError {
  return { field, code, message, definite: true }
}

export function cardNumberError(text: string): CardFieldError | null {
  const digits = digitsOnly(text)
  if (!isCardNumberLengthComplete(digits)) {
    return incomplete('number', 'incomplete_number', 'Your card number is incomplete.')
  }
  if (!passesLuhn(digits)) return invalid('number', 'invalid_number', 'Your card number is invalid.')
  return null
}

export function expiryError(text: string, now: Date): CardFieldError | null {
  const expiry = parseExpiry(text)
  if (!expiry) return incomplete('expiry', 'incomplete_expiry', "Your card's expiration date is incomplete.")
  if (!isExpiryMonthValid(expiry)) {
    return invalid('expiry', 'invalid_expiry_month', "Your card's expiration month is invalid.")
  }
  if (isExpiryInPast(expiry, now)) {
    const code = expiry.year < now.getFullYear() ? 'invalid_expiry_year_past' : 'invalid_expiry_month_past'
    return invalid('expiry', code, "Your card's expiration date is in the past.")
  }
  if (isExpiryTooFarAhead(expiry, now)) {
    return invalid('expiry', 'invalid_expiry_year', "Your card's expiration year is invalid.")
  }
  return null
}

/** The CVC's required length depends on the card number (Amex has 4 digits). */
export function cvcError(text: string, cardNumber: string): CardFieldError | null {
  const required = cvcLength(detectBrand(digitsOnly(cardNumber)))
  if (digitsOnly(text).length < required) {
    return incomplete('cvc', 'incomplete_cvc', "Your card's security code is incomplete.")
  }
  return null
}

export function postcodeError(text: string): CardFieldError | null {
  if (!isPostcodeComplete(text)) return incomplete('postcode', 'incomplete_zip', 'Your postal code is incomplete.')
  return null
}

export function cardFieldErrors(values: CardFieldValues, now: Date): CardFieldErrors {
  return {
    number: cardNumberError(values.number),
    expiry: expiryError(values.expiry, now),
    cvc: cvcError(values.cvc, values.number),
    postcode: postcodeError(values.postcode),
  }
}

/** The error `elements.submit()` reports: the first wrong field in reading order. */
export function firstCardFieldError(errors: CardFieldErrors): CardFieldError | null {
  for (const field of CARD_FIELDS) {
    const error = errors[field]
    if (error) return error
  }
  return null
}

export function areCardValuesEmpty(values: CardFieldValues): boolean {
  return CARD_FIELDS.every((field) => values[field].trim() === '')
}

export interface FieldDisplayState {
  empty: boolean
  /** The customer has left the field at least once. */
  touched: boolean
  /** elements.submit() or confirmPayment() has asked for every error to be shown. */
  submitted: boolean
}

/**
 * Like Elements: nothing while the customer is still typing into an untouched field,
 * unless the value is definitely wrong; everything once they leave it or submit.
 */
export function shouldShowFieldError(error: CardFieldError | null, state: FieldDisplayState): boolean {
  if (!error) return false
  if (state.submitted) return true
  if (state.empty) return false
  return error.definite || state.touched
}
