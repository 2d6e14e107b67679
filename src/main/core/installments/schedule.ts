import { currencyExponent } from '@shared/money'
import { invalidInput } from '@shared/errors'

/**
 * Splits a price into N parts in minor units, the remainder on the first part. Three-decimal currencies (KWD…)
 * split in steps of 10, as Stripe charges them only in amounts ending in 0.
 */
export function splitIntoParts(total: number, currency: string, parts: number): number[] {
  const step = currencyExponent(currency) === 3 ? 10 : 1
  if (total % step !== 0) throw invalidInput(`${total} ${currency} cannot be split into chargeable parts`)
  const units = total / step
  if (units < parts) throw invalidInput(`${total} ${currency} is too small to split into ${parts} parts`)
  const base = Math.floor(units / parts)
  const first = units - base * (parts - 1)
  return [first * step, ...Array.from({ length: parts - 1 }, () => base * step)]
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Due dates (unix ms): the first part at the sale, then one every `intervalDays`. */
export function dueDates(start: number, parts: number, intervalDays: number): number[] {
  return Array.from({ length: parts }, (_, index) => start + index * intervalDays * DAY_MS)
}
