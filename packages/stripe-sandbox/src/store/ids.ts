import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Random base62 text; rejection sampling keeps every character equally likely. */
export function randomToken(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62]
    }
  }
  return out
}

/** Stripe-looking id such as `pi_3QvK...`; the prefix tells callers (and expand) what kind of object it names. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`
}

export function newClientSecret(paymentIntentId: string): string {
  return `${paymentIntentId}_secret_${randomToken(25)}`
}

export function newWebhookSecret(): string {
  return `whsec_${randomToken(32)}`
}

export function newRequestId(): string {
  return `req_${randomToken(14)}`
}

/** The payment intent id a client secret was minted for (`pi_x_secret_y` → `pi_x`), or undefined. */
export function paymentIntentIdOfSecret(clientSecret: string): string | undefined {
  const at = clientSecret.indexOf('_secret_')
  return at > 0 ? clientSecret.slice(0, at) : undefined
}
