import type Stripe from 'stripe'
import type { Account } from '@shared/domain'
import { idempotencyKey, INSTALL_METADATA_KEY } from './installation-scope'
import { createBillingGateway, type BillingGateway } from './billing-gateway'
import { createCheckoutGateway, type CheckoutGateway } from './checkout-gateway'
import { createCatalogGateway } from './catalog-gateway'
import { call, toAppError } from './gateway-call'

export { call, toAppError }

/**
 * Every call CourseTill makes to Stripe (webhook endpoints aside: stripe/webhook-endpoint.ts), with one
 * mapping of Stripe's errors to ours. Each create carries an idempotency key derived from what it creates and
 * namespaced by this installation, so a retry, a double click or a restart after a crash gets the same object
 * back instead of a second one, and another till on the same account never gets ours (installation-scope.ts).
 */
export function createStripeGateway(stripe: Stripe, installationId: string) {
  const key = (...parts: Array<string | number>) => ({ idempotencyKey: idempotencyKey(installationId, ...parts) })
  const owner = { [INSTALL_METADATA_KEY]: installationId }
  return {
    ...createBillingGateway(stripe, installationId),
    ...createCheckoutGateway(stripe, installationId),
    ...createCatalogGateway(stripe, installationId),
    /**
     * One Stripe customer per person for the whole shop, found by email (the oldest when there are several),
     * whichever till made it; created by this till when there is none.
     */
    async ensureCustomer(account: Pick<Account, 'id' | 'email' | 'name' | 'phone'>): Promise<string> {
      const existing = await call(() => stripe.customers.list({ email: account.email, limit: 100 }))
      const oldest = [...existing.data].sort((a, b) => a.created - b.created || a.id.localeCompare(b.id))[0]
      if (oldest) return oldest.id
      const created = await call(() =>
        stripe.customers.create(
          {
            email: account.email,
            name: account.name,
            ...(account.phone ? { phone: account.phone } : {}),
            metadata: { ...owner, coursetill_account_id: String(account.id) },
          },
          key('account', account.id, 'customer'),
        ),
      )
      return created.id
    },

    /** `saveCard`: a payment plan's card is kept on the customer so later parts can be charged off session. */
    createIntent(input: { orderId: number; attempt: number; amount: number; currency: string; customer: string; email: string; saveCard?: boolean }) {
      return call(() =>
        stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            customer: input.customer,
            receipt_email: input.email,
            description: `CourseTill order #${input.orderId}`,
            // A counter takes cards: no redirect or bank-debit methods, so no return_url and no days in processing.
            allowed_payment_method_types: ['card'],
            ...(input.saveCard ? { setup_future_usage: 'off_session' as const } : {}),
            metadata: { ...owner, order_id: String(input.orderId), attempt: String(input.attempt) },
          },
          key('order', input.orderId, 'attempt', input.attempt),
        ),
      )
    },

    retrieveIntent: (id: string) => call(() => stripe.paymentIntents.retrieve(id)),

    retrieveRefund: (id: string) => call(() => stripe.refunds.retrieve(id)),

    async listRefunds(paymentIntentId: string): Promise<Stripe.Refund[]> {
      return collect(stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 }))
    },

    /** Stripe's events of these types since `since` (unix seconds), newest first, page by page. */
    async *listEvents(since: number, types: readonly string[]): AsyncGenerator<Stripe.Event> {
      try {
        yield* stripe.events.list({ created: { gte: since }, types: [...types], limit: 100 })
      } catch (error) {
        throw toAppError(error)
      }
    },

    updateIntentAmount: (id: string, amount: number) => call(() => stripe.paymentIntents.update(id, { amount }, key(id, 'amount', amount))),

    cancelIntent: (id: string) => call(() => stripe.paymentIntents.cancel(id, { cancellation_reason: 'abandoned' }, key(id, 'cancel'))),

    /**
     * `legacyKey`: the refund was first sent by a version before installations (migration 005 kept its key).
     * It is sent again exactly as then, key and parameters alike, so Stripe replays it if it got there.
     */
    createRefund(input: { refundId: number; orderId: number; paymentIntentId: string; amount: number; reason: string; legacyKey?: string | null }) {
      const reason = input.reason === 'other' ? undefined : (input.reason as Stripe.RefundCreateParams.Reason)
      const ids = { coursetill_refund_id: String(input.refundId), order_id: String(input.orderId) }
      return call(() =>
        stripe.refunds.create(
          {
            payment_intent: input.paymentIntentId,
            amount: input.amount,
            ...(reason ? { reason } : {}),
            metadata: input.legacyKey ? ids : { ...owner, ...ids },
          },
          input.legacyKey ? { idempotencyKey: input.legacyKey } : key('refund', input.refundId),
        ),
      )
    },
  }
}

export type StripeGateway = ReturnType<typeof createStripeGateway>

/** The reads event handlers may need when a webhook's payload cannot be trusted to be current. */
export type StripeReader = Pick<StripeGateway, 'retrieveIntent' | 'listRefunds' | 'retrieveRefund'> &
  Pick<BillingGateway, 'retrieveSubscription' | 'retrieveInvoice'> &
  Pick<CheckoutGateway, 'retrieveSession' | 'retrieveSessionWithLines'>

async function collect<T>(list: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  try {
    for await (const item of list) all.push(item)
  } catch (error) {
    throw toAppError(error)
  }
  return all
}
