import { currencyExponent } from '@shared/money'
import type { Random } from './random'

// Every amount here is an integer count of minor units; percentages are whole numbers so no float ever becomes money.

/** The smallest amount a card can move: Stripe wants three-decimal currencies (KWD) in multiples of 10. */
export function chargeableStep(currency: string): number {
  return currencyExponent(currency) === 3 ? 10 : 1
}

/** Notes and coins a customer hands over, largest first, in minor units. */
function cashDenominations(currency: string): readonly number[] {
  switch (currencyExponent(currency)) {
    case 0:
      return [10_000, 5_000, 1_000]
    case 3:
      return [20_000, 10_000, 5_000, 1_000]
    default:
      return [5_000, 2_000, 1_000, 500]
  }
}

/** A part of `amount` between roughly a fifth and four fifths, on the card step, or null when none fits. */
export function partOf(rng: Random, amount: number, currency: string): number | null {
  const step = chargeableStep(currency)
  if (amount < 2 * step) return null
  const percent = rng.int(20, 80)
  const raw = Math.floor((amount * percent) / 100)
  const onStep = raw - (raw % step)
  return Math.min(Math.max(onStep, step), amount - step)
}

/** What a cash customer hands over: the exact amount, or the amount rounded up to a note. */
export function cashTendered(rng: Random, amount: number, currency: string): number {
  if (rng.chance(0.3)) return amount
  const note = rng.pick(cashDenominations(currency))
  return Math.ceil(amount / note) * note
}

/** A round cash deposit smaller than `amount` (the card pays the rest), or null when the amount is too small to split. */
export function cashDeposit(rng: Random, amount: number, currency: string): number | null {
  const step = chargeableStep(currency)
  const roundNotes = cashDenominations(currency).filter((note) => note % step === 0 && note < amount)
  if (roundNotes.length === 0) return partOf(rng, amount, currency)
  const note = rng.pick(roundNotes)
  const notes = rng.int(1, Math.max(1, Math.floor((amount - step) / note)))
  return Math.min(notes * note, amount - step)
}
