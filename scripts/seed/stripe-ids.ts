import type { Random } from './random'

// ASCII order, so fixed-width numbers written in it sort as text in numeric order.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const SEQUENCE_WIDTH = 7
const TAIL_LENGTH = 16

export interface StripeIds {
  paymentIntent(): string
  refund(): string
  event(): string
  customer(): string
}

/**
 * Fake ids shaped like Stripe's (`pi_3…`, 24 characters after the prefix).
 * A per-prefix sequence leads each id: it makes them unique without a lookup, and ascending, so the
 * UNIQUE indexes on them are appended to instead of split at random pages (a large share of the seed's time otherwise).
 */
export function createStripeIds(rng: Random): StripeIds {
  const next = (prefix: string) => {
    let sequence = 0
    return () => `${prefix}_3${fixedWidth(sequence++)}${randomTail(rng)}`
  }
  return { paymentIntent: next('pi'), refund: next('re'), event: next('evt'), customer: next('cus') }
}

function fixedWidth(value: number): string {
  let text = ''
  for (let i = 0; i < SEQUENCE_WIDTH; i++) {
    text = BASE62[value % 62] + text
    value = Math.floor(value / 62)
  }
  if (value > 0) throw new Error('stripe id sequence overflow')
  return text
}

function randomTail(rng: Random): string {
  let text = ''
  // Five base-62 digits per 32-bit draw (62^5 < 2^32): a third of the draws of one per character.
  while (text.length < TAIL_LENGTH) {
    let bits = rng.uint32()
    for (let i = 0; i < 5; i++) {
      text += BASE62[bits % 62]
      bits = Math.floor(bits / 62)
    }
  }
  return text.slice(0, TAIL_LENGTH)
}
