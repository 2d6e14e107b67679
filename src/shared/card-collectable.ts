// What a card can still collect. Stripe charges no less than a per-currency minimum, and in three-decimal
// currencies (KWD, BHD, …) only amounts ending in 0. Cash that leaves a remainder outside those rules would
// leave an order no card can finish, so the till refuses such cash and says what it can take instead.

import { currencyExponent, formatMoney, normalizeCurrency } from './money'

// Stripe's minimum charge amounts in minor units (its "minimum and maximum charge amounts"); three-decimal
// currencies are "the equivalent of USD 0.50", rounded up to a multiple of 10.
const CARD_MINIMUM: Record<string, number> = {
  USD: 50, AED: 200, AUD: 50, BGN: 100, BRL: 50, CAD: 50, CHF: 50, CZK: 1500, DKK: 250, EUR: 50, GBP: 30, HKD: 400,
  HUF: 17500, INR: 50, JPY: 50, MXN: 1000, MYR: 200, NOK: 300, NZD: 50, PLN: 200, RON: 200, SEK: 300, SGD: 50,
  THB: 1000, BHD: 200, JOD: 400, KWD: 200, OMR: 200, TND: 2000,
}

export function cardMinimum(currency: string): number {
  return CARD_MINIMUM[normalizeCurrency(currency)] ?? 1
}

/** Three-decimal currencies: a card amount must be a multiple of 10 minor units. */
export function cardStep(currency: string): number {
  return currencyExponent(currency) === 3 ? 10 : 1
}

export function cardCanCollect(amount: number, currency: string): boolean {
  return amount >= cardMinimum(currency) && amount % cardStep(currency) === 0
}

/**
 * Why cash of `tendered` towards `due` would leave a remainder no card can collect, with the amounts that
 * would work; null when the cash is fine (it pays everything, or leaves a collectable rest).
 */
export function uncollectableRemainder(due: number, tendered: number, currency: string): string | null {
  const rest = due - tendered
  if (rest <= 0 || cardCanCollect(rest, currency)) return null
  const money = (amount: number) => formatMoney(amount, currency)
  const all = `take ${money(due)} (all of it)`
  const minimum = cardMinimum(currency)
  const step = cardStep(currency)
  if (rest < minimum) {
    // The most cash that still leaves a rest a card can take: the smallest collectable rest.
    const most = due - Math.ceil(minimum / step) * step
    const less = most > 0 ? ` or at most ${money(most)}` : ''
    return `That leaves ${money(rest)} for the card, less than the card minimum of ${money(minimum)}: ${all}${less}`
  }
  const over = rest % step
  const options = [tendered - (step - over), tendered + over].filter((amount) => amount > 0 && amount <= due)
  return `That leaves ${money(rest)} for the card, but ${normalizeCurrency(currency)} card amounts must end in 0: take ${options.map(money).join(' or ')}, or ${money(due)} (all of it)`
}
