/**
 * One till among many on one Stripe account. Stripe scopes idempotency keys to the account, so a key made of
 * local row ids alone ("order 1, attempt 1") is the same on every till: Stripe would replay one till's
 * PaymentIntent to another, or refuse the other's request for a day. Every key and every object's metadata
 * therefore names the installation, and every object read back is matched by it.
 */

/** The metadata key naming the installation that created a Stripe object (intents, refunds, endpoints, customers). */
export const INSTALL_METADATA_KEY = 'coursetill_install'

/** A key stable across restarts and retries of the same thing, and distinct from every other till's. */
export function idempotencyKey(installationId: string, ...parts: Array<string | number>): string {
  return ['coursetill', installationId, ...parts].join('-')
}

export type Scope = 'ours' | 'foreign' | 'legacy'

/**
 * Whose object this is: ours, another installation's, or made before installations were recorded
 * (no key in its metadata), which is still matched by its Stripe id as before.
 */
export function scopeOf(object: { metadata?: Record<string, string> | null }, installationId: string): Scope {
  const owner = object.metadata?.[INSTALL_METADATA_KEY]
  if (owner === undefined || owner === '') return 'legacy'
  return owner === installationId ? 'ours' : 'foreign'
}
