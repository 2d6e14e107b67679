import type Stripe from 'stripe'
import { call, toAppError } from './gateway-call'
import { idempotencyKey, INSTALL_METADATA_KEY } from './installation-scope'

/** The metadata key naming our recurring_payment row on a subscription (found even before we stored its id). */
export const MEMBERSHIP_METADATA_KEY = 'coursetill_membership_id'

/** What an invoice read needs: its payments (the PaymentIntent that paid it) are only sent when expanded. */
const INVOICE_EXPAND = ['payments', 'confirmation_secret']

/**
 * Memberships' calls to Stripe: prices, subscriptions and their invoices. Like the payments gateway, every create
 * and change carries an idempotency key namespaced by this installation, and every object names it in metadata.
 */
export function createBillingGateway(stripe: Stripe, installationId: string) {
  const key = (...parts: Array<string | number>) => ({ idempotencyKey: idempotencyKey(installationId, ...parts) })
  const owner = { [INSTALL_METADATA_KEY]: installationId }
  return {
    /** The plan's recurring price; one product and price per plan, price and interval (a changed price gets a new one). */
    async createRecurringPrice(plan: { id: number; title: string; amount: number; currency: string; interval: 'month' | 'year' }) {
      const parts = ['membership-plan', plan.id, plan.amount, plan.currency, plan.interval]
      const product = await call(() =>
        stripe.products.create({ name: plan.title, metadata: { ...owner, coursetill_plan_id: String(plan.id) } }, key(...parts, 'product')),
      )
      return call(() =>
        stripe.prices.create(
          {
            product: product.id,
            currency: plan.currency.toLowerCase(),
            unit_amount: plan.amount,
            recurring: { interval: plan.interval },
            metadata: { ...owner, coursetill_plan_id: String(plan.id) },
          },
          key(...parts, 'price'),
        ),
      )
    },

    /** `default_incomplete`: the first invoice waits for the customer's card in the checkout, which it then saves. */
    createSubscription(input: { membershipId: number; orderId: number; customer: string; price: string }) {
      return call(() =>
        stripe.subscriptions.create(
          {
            customer: input.customer,
            items: [{ price: input.price }],
            payment_behavior: 'default_incomplete',
            payment_settings: { save_default_payment_method: 'on_subscription' },
            metadata: { ...owner, [MEMBERSHIP_METADATA_KEY]: String(input.membershipId), order_id: String(input.orderId) },
            expand: INVOICE_EXPAND.map((field) => `latest_invoice.${field}`),
          },
          key('membership', input.membershipId, 'subscription'),
        ),
      )
    },

    /** A payment plan's due parts charged with a saved card, the customer absent; a decline returns the declined intent. */
    async chargeOffSession(input: { orderId: number; attempt: number; amount: number; currency: string; customer: string; paymentMethod: string }): Promise<Stripe.PaymentIntent> {
      try {
        return await stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            customer: input.customer,
            payment_method: input.paymentMethod,
            off_session: true,
            confirm: true,
            // Cards only, as at the counter: no redirect-based method, so no return_url (Stripe refuses the confirm without one).
            allowed_payment_method_types: ['card'],
            description: `CourseTill order #${input.orderId} (payment plan, automatic)`,
            metadata: { ...owner, order_id: String(input.orderId), attempt: String(input.attempt) },
          },
          key('order', input.orderId, 'attempt', input.attempt),
        )
      } catch (error) {
        const declined = (error as { type?: string; payment_intent?: Stripe.PaymentIntent }).payment_intent
        if ((error as { type?: string }).type === 'StripeCardError' && declined?.id) return declined
        throw toAppError(error)
      }
    },

    retrieveCustomer: (id: string) => call(() => stripe.customers.retrieve(id)),

    retrieveSubscription: (id: string) => call(() => stripe.subscriptions.retrieve(id)),

    retrieveInvoice: (id: string) => call(() => stripe.invoices.retrieve(id, { expand: INVOICE_EXPAND })),

    cancelAtPeriodEnd: (id: string, cancel: boolean) =>
      call(() => stripe.subscriptions.update(id, { cancel_at_period_end: cancel }, key(id, 'cancel-at-period-end', String(cancel)))),

    cancelNow: (id: string) => call(() => stripe.subscriptions.cancel(id, {}, key(id, 'cancel-now'))),
  }
}

export type BillingGateway = ReturnType<typeof createBillingGateway>
