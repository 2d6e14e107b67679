// Pure card-field rules for the sandbox Payment Element: what Stripe's card form
// checks in the browser before any network call. No DOM, no Stripe types, so
// they run (and are unit tested) in plain Node.
import { passesLuhn } from '../cards/luhn'

export { passesLuhn }

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown'

export interface CardExpiry {
  month: number
  /** Four-digit year, e.g. 2031. */
  year: number
}

export const BRAND_NAMES: Readonly<Record<CardBrand, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  unknown: '',
}

// Checked in order: the more specific prefixes first (UnionPay's 62 before Discover's 6).
const BRAND_PREFIXES: ReadonlyArray<readonly [CardBrand, RegExp]> = [
  ['amex', /^3[47]/],
  ['diners', /^3(?:0[0-5]|[689])/],
  ['jcb', /^35(?:2[89]|[3-8])/],
  ['unionpay', /^62/],
  ['discover', /^6(?:011|5|4[4-9])/],
  ['mastercard', /^(?:5[1-5]|2(?:2[2-9]|[3-6]|7[01]|720))/],
  ['visa', /^4/],
]

const NUMBER_LENGTHS: Readonly<Record<CardBrand, readonly number[]>> = {
  visa: [16],
  mastercard: [16],
  amex: [15],
  discover: [16],
  diners: [14],
  jcb: [16],
  unionpay: [16, 17, 18, 19],
  unknown: [16],
}

// Where the spaces go while typing: Amex and Diners print as 4-6-5 / 4-6-4.
const GROUP_SIZES: Readonly<Partial<Record<CardBrand, readonly number[]>>> = {
  amex: [4, 6, 5],
  diners: [4, 6, 4],
}

export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '')
}


/** Brand from the leading digits; works on partial numbers, as the brand icon does while typing. */
export function detectBrand(digits: string): CardBrand {
  const match = BRAND_PREFIXES.find(([, prefix]) => prefix.test(digits))
  return match ? match[0] : 'unknown'
}

export function cardNumberLengths(brand: CardBrand): readonly number[] {
  return NUMBER_LENGTHS[brand]
}

export function maxCardNumberLength(brand: CardBrand): number {
  return Math.max(...NUMBER_LENGTHS[brand])
}

export function isCardNumberLengthComplete(digits: string): boolean {
  return cardNumberLengths(detectBrand(digits)).includes(digits.length)
}

export function isCardNumberValid(digits: string): boolean {
  return isCardNumberLengthComplete(digits) && passesLuhn(digits)
}

/** Digits grouped with spaces for display, truncated to the brand's longest number. */
export function formatCardNumber(text: string): string {
  const digits = digitsOnly(text)
  const brand = detectBrand(digits)
  const kept = digits.slice(0, maxCardNumberLength(brand))
  const sizes = GROUP_SIZES[brand]
  const groups = sizes ? splitBySizes(kept, sizes) : (kept.match(/\d{1,4}/g) ?? [])
  return groups.join(' ')
}

function splitBySizes(digits: string, sizes: readonly number[]): string[] {
  const groups: string[] = []
  let start = 0
  for (const size of sizes) {
    if (start >= digits.length) break
    groups.push(digits.slice(start, start + size))
    start += size
  }
  return groups
}

export function cvcLength(brand: CardBrand): number {
  return brand === 'amex' ? 4 : 3
}

/**
 * "MM / YY" as the customer types. A first digit above 1 can only be a month
 * 02-09, so it gains a leading zero; "13" becomes "01 / 3". While deleting, the
 * trailing " / " is not re-added so backspace can get past it.
 */
export function formatExpiry(text: string, deleting = false): string {
  let digits = digitsOnly(text)
  if (digits.length === 6 && digits.slice(2, 4) === '20') digits = digits.slice(0, 2) + digits.slice(4) // autofilled MM/YYYY
  if (digits.length >= 1 && digits[0] > '1') digits = `0${digits}`
  if (digits.length >= 2 && digits[0] === '1' && digits[1] > '2') digits = `01${digits.slice(1)}`
  digits = digits.slice(0, 4)
  if (digits.length < 2) return digits
  if (digits.length === 2) return deleting ? digits : `${digits} / `
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`
}

/** The month and four-digit year once all four digits are present, else null. */
export function parseExpiry(text: string): CardExpiry | null {
  const digits = digitsOnly(text)
  if (digits.length !== 4) return null
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) }
}

export function isExpiryMonthValid(expiry: CardExpiry): boolean {
  return expiry.month >= 1 && expiry.month <= 12
}

/** A card is valid through the last day of its expiry month. */
export function isExpiryInPast(expiry: CardExpiry, now: Date): boolean {
  const thisYear = now.getFullYear()
  return expiry.year < thisYear || (expiry.year === thisYear && expiry.month < now.getMonth() + 1)
}

/** Stripe refuses expiry years more than 50 years ahead as typos. */
export function isExpiryTooFarAhead(expiry: CardExpiry, now: Date): boolean {
  return expiry.year > now.getFullYear() + 50
}

export function sanitiseCvc(text: string, brand: CardBrand): string {
  return digitsOnly(text).slice(0, cvcLength(brand))
}

const POSTCODE_MAX_LENGTH = 10

/** Upper-cased letters, digits, spaces and hyphens: enough for UK, US, EU and most other formats. */
export function sanitisePostcode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9 -]/g, '')
    .replace(/^[ -]+/, '')
    .slice(0, POSTCODE_MAX_LENGTH)
}

export function isPostcodeComplete(text: string): boolean {
  return sanitisePostcode(text).replace(/[ -]/g, '').length >= 3
}

/** Index in `formatted` just after its `digitCount`-th digit, to keep the caret in place after reformatting. */
export function caretAfterDigits(formatted: string, digitCount: number): number {
  if (digitCount <= 0) return 0
  let seen = 0
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted[i])) seen++
    if (seen === digitCount) return i + 1
  }
  return formatted.length
}
