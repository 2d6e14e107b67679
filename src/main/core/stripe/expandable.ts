/**
 * The id behind a field Stripe sends either as an id or, when expanded, as the object itself
 * (`payment_intent` on charges, refunds and invoice payments); null when it is absent or neither.
 */
export function idOf(field: unknown): string | null {
  if (typeof field === 'string') return field
  if (field && typeof field === 'object' && typeof (field as { id?: unknown }).id === 'string') return (field as { id: string }).id
  return null
}
