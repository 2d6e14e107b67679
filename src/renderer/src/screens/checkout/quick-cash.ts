import { currencyExponent } from '@shared/money'

// Common notes per currency, in major units; others use the usual 5-10-20-50-100 ladder.
const NOTES: Record<string, number[]> = {
  JPY: [1000, 5000, 10000],
  KWD: [1, 5, 10, 20],
  GBP: [5, 10, 20, 50],
  EUR: [5, 10, 20, 50, 100],
}

/**
 * What a customer is likely to hand over for `due` (minor units): the exact amount, then the smallest whole
 * number of each common note that covers it, without repeats, at most four in all.
 */
export function quickCashAmounts(due: number, currency: string): number[] {
  if (due <= 0) return []
  const unit = 10 ** currencyExponent(currency)
  const amounts = [due]
  for (const note of NOTES[currency] ?? [5, 10, 20, 50, 100]) {
    const minor = note * unit
    const covering = Math.ceil(due / minor) * minor
    if (!amounts.includes(covering)) amounts.push(covering)
  }
  return amounts.sort((a, b) => a - b).slice(0, 4)
}
