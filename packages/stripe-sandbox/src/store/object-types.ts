import type Stripe from 'stripe'

/** The event as stored and sent: Stripe's event envelope around a snapshot of the object. */
export interface SandboxEvent {
  id: string
  object: 'event'
  api_version: string
  created: number
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

/**
 * Invoices also carry `payment_intent`, the field API versions before 2025-03-31 had and which
 * `expand[]=latest_invoice.payment_intent` walks; newer clients use `confirmation_secret`.
 */
export type SandboxInvoice = Stripe.Invoice & { payment_intent: string | null }

/** Every kind of object the sandbox stores, keyed by its `object` field. */
export interface SandboxObjects {
  customer: Stripe.Customer | Stripe.DeletedCustomer
  payment_intent: Stripe.PaymentIntent
  payment_method: Stripe.PaymentMethod
  charge: Stripe.Charge
  refund: Stripe.Refund
  balance_transaction: Stripe.BalanceTransaction
  event: SandboxEvent
  webhook_endpoint: Stripe.WebhookEndpoint
  product: Stripe.Product
  price: Stripe.Price
  subscription: Stripe.Subscription
  invoice: SandboxInvoice
  invoiceitem: Stripe.InvoiceItem
  'checkout.session': Stripe.Checkout.Session
  'test_helpers.test_clock': Stripe.TestHelpers.TestClock
}

export type ObjectType = keyof SandboxObjects

export interface StripeObject {
  id: string
  object: string
}
