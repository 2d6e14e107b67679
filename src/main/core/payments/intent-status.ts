import type Stripe from 'stripe'
import type { PaymentStatus } from '@shared/domain'

/** The parts of a PaymentIntent the till reads; webhook payloads and fresh retrieves both have them. */
export type IntentFacts = Pick<
  Stripe.PaymentIntent,
  'id' | 'status' | 'amount' | 'amount_received' | 'currency' | 'metadata' | 'last_payment_error'
> &
  // Where Stripe sends the card receipt; facts that do not carry it leave the recorded address as it was.
  Partial<Pick<Stripe.PaymentIntent, 'receipt_email'>>

export const TERMINAL_PAYMENT_STATUSES: ReadonlySet<PaymentStatus> = new Set(['succeeded', 'canceled'])

/** Our payment status for a PaymentIntent: a declined intent is back at requires_payment_method with an error. */
export function paymentStatusOf(intent: Pick<IntentFacts, 'status' | 'last_payment_error'>): PaymentStatus {
  switch (intent.status) {
    case 'succeeded':
      return 'succeeded'
    case 'canceled':
      return 'canceled'
    case 'processing':
    case 'requires_capture':
      return 'processing'
    case 'requires_action':
      return 'requires_action'
    case 'requires_payment_method':
      return intent.last_payment_error ? 'failed' : 'pending'
    default:
      return 'pending'
  }
}

/** Stripe's most specific reason: the decline code when there is one ("insufficient_funds"), else the error code. */
export function failureOf(intent: Pick<IntentFacts, 'last_payment_error'>): { code: string | null; message: string | null } {
  const error = intent.last_payment_error
  if (!error) return { code: null, message: null }
  return { code: error.decline_code ?? error.code ?? error.type ?? null, message: error.message ?? null }
}
