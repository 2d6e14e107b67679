import type Stripe from 'stripe'
import { call } from './gateway-call'
import { idempotencyKey, INSTALL_METADATA_KEY } from './installation-scope'

/** The metadata key naming which of an order's links a session (and its PaymentIntent) is. */
export const PAY_LINK_METADATA_KEY = 'coursetill_pay_link'

export interface NewPayLinkSession {
  orderId: number
  seq: number
  amount: number
  currency: string
  /** Unix seconds, chosen before the call and stored, so a retry sends exactly the same request. */
  expiresAt: number
  customer: string | null
  email: string
  description: string
  successUrl: string
}

/**
 * Checkout Sessions: pay-by-link sessions the till makes (installation in metadata, key per order and link), and
 * the reads that recognise sessions made elsewhere (Payment Links, the dashboard).
 */
export function createCheckoutGateway(stripe: Stripe, installationId: string) {
  const owner = { [INSTALL_METADATA_KEY]: installationId }
  return {
    createPayLinkSession(input: NewPayLinkSession) {
      const metadata = { ...owner, order_id: String(input.orderId), [PAY_LINK_METADATA_KEY]: String(input.seq) }
      return call(() =>
        stripe.checkout.sessions.create(
          {
            mode: 'payment',
            // One line for what is still owed: cash already taken leaves a total no catalog price adds up to.
            line_items: [{ price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amount, product_data: { name: input.description } }, quantity: 1 }],
            ...(input.customer ? { customer: input.customer } : { customer_email: input.email }),
            // The account's payment methods: one that settles later completes the session 'unpaid', then
            // checkout.session.async_payment_succeeded / _failed follow (handled like a card in processing).
            expires_at: input.expiresAt,
            success_url: input.successUrl,
            client_reference_id: `order-${input.orderId}`,
            metadata,
            payment_intent_data: { metadata, description: input.description },
          },
          { idempotencyKey: idempotencyKey(installationId, 'order', input.orderId, 'pay-link', input.seq) },
        ),
      )
    },

    retrieveSession: (id: string) => call(() => stripe.checkout.sessions.retrieve(id)),

    /** The session with its line items (prices and their products' ids), for recognising what was sold. */
    async retrieveSessionWithLines(id: string): Promise<Stripe.Checkout.Session & { lines: Stripe.LineItem[] }> {
      const session = await call(() => stripe.checkout.sessions.retrieve(id))
      const lines = await call(() => stripe.checkout.sessions.listLineItems(id, { limit: 100 }))
      return { ...session, lines: lines.data }
    },

    expireSession: (id: string) => call(() => stripe.checkout.sessions.expire(id, {}, { idempotencyKey: idempotencyKey(installationId, id, 'expire') })),
  }
}

export type CheckoutGateway = ReturnType<typeof createCheckoutGateway>
