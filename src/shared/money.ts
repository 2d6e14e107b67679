// Money is always an integer count of the currency's smallest unit plus an ISO 4217 code.
// Nothing here multiplies or divides floats: typed amounts are parsed digit by digit.

export interface Money {
  amount: number
  currency: string
}

// Stripe's zero-decimal and three-decimal currencies (see Stripe's currency docs).
const ZERO_DECIMAL = new Set([
  'BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
])
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'OMR', 'TND'])

const CURRENCY_CODE = /^[A-Z]{3}$/

export class MoneyError extends Error {
  override name = 'MoneyError'
}

export function normalizeCurrency(code: string): string {
  const upper = code.trim().toUpperCase()
  if (!CURRENCY_CODE.test(upper)) throw new MoneyError(`"${code}" is not an ISO 4217 currency code`)
  return upper
}

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODE.test(code)
}

/** How many digits follow the decimal point for this currency (0, 2 or 3). */
export function currencyExponent(currency: string): 0 | 2 | 3 {
  const code = normalizeCurrency(currency)
  if (ZERO_DECIMAL.has(code)) return 0
  if (THREE_DECIMAL.has(code)) return 3
  return 2
}

export function assertMinorUnits(amount: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amount)) throw new MoneyError(`${what} must be a whole number of minor units, got ${amount}`)
}

/**
 * Parses what a person typed ("12.50", "1,234.5", "1000") into minor units.
 * Refuses more decimals than the currency has, signs, exponents and anything that is not a plain number.
 */
export function parseAmount(input: string, currency: string): number {
  const exponent = currencyExponent(currency)
  const cleaned = input.trim().replace(/[,\s_]/g, '')
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned)
  if (!match) throw new MoneyError(`"${input}" is not an amount`)
  const whole = match[1] ?? '0'
  const fraction = match[2] ?? ''
  if (fraction.length > exponent) {
    throw new MoneyError(
      exponent === 0
        ? `${normalizeCurrency(currency)} has no decimal places`
        : `${normalizeCurrency(currency)} has at most ${exponent} decimal places`,
    )
  }
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '')
  const amount = Number(digits)
  if (!Number.isSafeInteger(amount)) throw new MoneyError(`"${input}" is too large`)
  return amount
}

/** Minor units as a plain decimal string without grouping, e.g. 1234 EUR → "12.34", 1500 KWD → "1.500". */
export function toDecimalString(amount: number, currency: string): string {
  assertMinorUnits(amount)
  const exponent = currencyExponent(currency)
  const negative = amount < 0
  const digits = String(Math.abs(amount))
  if (exponent === 0) return (negative ? '-' : '') + digits
  const padded = digits.padStart(exponent + 1, '0')
  const whole = padded.slice(0, -exponent)
  const fraction = padded.slice(-exponent)
  return `${negative ? '-' : ''}${whole}.${fraction}`
}

/** Human formatting with the currency symbol, correct decimals for every currency. */
export function formatMoney(amount: number, currency: string, locale = 'en-GB'): string {
  const code = normalizeCurrency(currency)
  const exponent = currencyExponent(code)
  // Intl formats a decimal string exactly (no float rounding) when given one.
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: code,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  })
  return formatter.format(toDecimalString(amount, code) as unknown as number)
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new MoneyError(`cannot add ${a.currency} to ${b.currency}`)
  const amount = a.amount + b.amount
  assertMinorUnits(amount, 'sum')
  return { amount, currency: a.currency }
}

/** Stripe refuses three-decimal amounts whose last digit is not 0. */
export function isStripeChargeable(amount: number, currency: string): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && (currencyExponent(currency) !== 3 || amount % 10 === 0)
}
