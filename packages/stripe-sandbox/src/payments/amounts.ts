// Amount and currency rules Stripe applies to charges: integers in the smallest unit, a per-currency
// minimum, at most eight digits, and a trailing zero for three-decimal currencies.

import { invalidRequest, parameterInvalid } from '../http/errors'
import type { FormObject } from '../http/form'
import { optionalString, requiredInteger } from '../http/params'

const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
])
const THREE_DECIMAL = new Set(['bhd', 'iqd', 'jod', 'kwd', 'omr', 'tnd'])

// Stripe's minimum charge amounts in the smallest unit, for the currencies it documents.
const MINIMUM_AMOUNTS: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
  // Three-decimal currencies: Stripe asks for the equivalent of USD 0.50, and for a last digit of 0.
  bhd: 200,
  jod: 400,
  kwd: 200,
  omr: 200,
  tnd: 2000,
}

// The ISO 4217 codes Stripe settles or presents in (its "supported currencies" list); a made-up code is a 400.
const SUPPORTED = new Set(
  (
    'usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf ' +
    'clp cny cop crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils ' +
    'inr iqd isk jmd jod jpy kes kgs khr kmf krw kwd kyd kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr ' +
    'mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd ' +
    'shp sle sos srd std szl thb tjs tnd top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw'
  ).split(' '),
)

export const MAX_AMOUNT = 99_999_999

export function currencyExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0
  if (THREE_DECIMAL.has(currency)) return 3
  return 2
}

/** 1234 usd → "12.34 usd", 500 jpy → "500 jpy". */
export function formatAmount(amount: number, currency: string): string {
  const exponent = currencyExponent(currency)
  const major = exponent === 0 ? String(amount) : (amount / 10 ** exponent).toFixed(exponent)
  return `${major} ${currency}`
}

/** ISO code, any case on input, lowercase on output (as Stripe stores it). */
export function normalizeCurrency(value: string, param = 'currency'): string {
  if (!/^[a-zA-Z]{3}$/.test(value) || !SUPPORTED.has(value.toLowerCase())) {
    throw parameterInvalid(
      param,
      `Invalid currency: ${value.toLowerCase()}. Stripe currently supports these currencies: usd, eur, gbp, …`,
    )
  }
  return value.toLowerCase()
}

export function readCurrency(params: FormObject, param = 'currency'): string | undefined {
  const value = optionalString(params, param)
  return value ? normalizeCurrency(value, param) : undefined
}

export function assertChargeableAmount(amount: number, currency: string, param = 'amount'): void {
  if (amount > MAX_AMOUNT) {
    throw invalidRequest(`Amount must be no more than ${formatAmount(MAX_AMOUNT, currency)}`, { param, code: 'amount_too_large' })
  }
  const minimum = MINIMUM_AMOUNTS[currency] ?? 1
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)}`, { param, code: 'amount_too_small' })
  }
  if (THREE_DECIMAL.has(currency) && amount % 10 !== 0) {
    throw invalidRequest(`Invalid amount: ${currency} amounts must end in 0 (a multiple of 10).`, {
      param,
      code: 'invalid_charge_amount',
    })
  }
}

/** A refund (or any amount taken back) in a three-decimal currency must end in 0, as a charge must. */
export function assertRefundableAmount(amount: number, currency: string, param = 'amount'): void {
  if (THREE_DECIMAL.has(currency) && amount % 10 !== 0) {
    throw invalidRequest(`Invalid amount: ${currency} amounts must end in 0 (a multiple of 10).`, {
      param,
      code: 'invalid_charge_amount',
    })
  }
}

export function readChargeAmount(params: FormObject, currency: string, param = 'amount'): number {
  const amount = requiredInteger(params, param, 1)
  assertChargeableAmount(amount, currency, param)
  return amount
}
