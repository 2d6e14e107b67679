import type Stripe from 'stripe'

/**
 * Stripe sends decimal fields (`unit_amount_decimal`) as strings on the wire and the SDK turns them into
 * its Decimal type, so the stored JSON holds the string while the TypeScript shape says Decimal.
 */
export function wireDecimal(amount: number): Stripe.Decimal {
  return String(amount) as unknown as Stripe.Decimal
}
