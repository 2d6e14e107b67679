import type Stripe from 'stripe'
import type { IntentFacts } from './intent-status'
import type { RefundFacts } from './apply-refund'

/** The reads event handlers may need when a payload cannot be trusted to be current. */
export interface StripeReader {
  retrieveIntent(id: string): Promise<IntentFacts>
  listRefunds(paymentIntentId: string): Promise<RefundFacts[]>
  retrieveRefund(id: string): Promise<RefundFacts>
}

export function stripeReader(stripe: Stripe): StripeReader {
  return {
    retrieveIntent: (id) => stripe.paymentIntents.retrieve(id),
    async listRefunds(paymentIntentId) {
      const refunds: RefundFacts[] = []
      for await (const refund of stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 })) refunds.push(refund)
      return refunds
    },
    retrieveRefund: (id) => stripe.refunds.retrieve(id),
  }
}
