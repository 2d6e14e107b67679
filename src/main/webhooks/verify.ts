import Stripe from 'stripe'
import { StripeEventEnvelope } from '../core/payments/event-envelope'

/** Stripe's default: a signature older than five minutes is refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

export type Verification =
  | { ok: true; event: StripeEventEnvelope }
  | { ok: false; status: 400; reason: string }

// constructEvent needs no API key; one SDK instance serves every check.
const webhooks = new Stripe('sk_test_unused_for_signature_checks').webhooks

/**
 * Checks a delivery exactly as Stripe's SDK does (HMAC-SHA256 over the raw bytes, timestamp tolerance),
 * against each accepted secret (two during a rotation), then checks that the body is shaped like an event.
 */
export function verifyStripeDelivery(
  rawBody: Buffer,
  signature: string | undefined,
  secrets: readonly string[],
  /** Milliseconds, as the SDK takes it; tests pin it, the server uses the clock. */
  nowMs?: number,
): Verification {
  if (!signature) return { ok: false, status: 400, reason: 'Missing Stripe-Signature header' }
  if (secrets.length === 0) return { ok: false, status: 400, reason: 'No webhook signing secret is configured' }
  let parsed: unknown
  let reason = 'Signature does not match'
  for (const secret of secrets) {
    try {
      parsed = webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, nowMs)
      break
    } catch (error) {
      // With several secrets, the one that matched explains best (stale, malformed) why it was still refused.
      const described = describe(error)
      if (described !== 'Signature does not match') reason = described
    }
  }
  if (parsed === undefined) return { ok: false, status: 400, reason }
  const event = StripeEventEnvelope.safeParse(parsed)
  if (!event.success) return { ok: false, status: 400, reason: 'Body is not a Stripe event' }
  return { ok: true, event: event.data }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/Timestamp outside the tolerance zone/i.test(message)) return 'Signature timestamp is too old (replayed or delayed)'
  if (/Unable to extract timestamp and signatures/i.test(message)) return 'Malformed Stripe-Signature header'
  if (/No signatures found matching/i.test(message)) return 'Signature does not match'
  if (/JSON|Unexpected token|position/i.test(message)) return 'Malformed JSON'
  return 'Invalid webhook delivery'
}
