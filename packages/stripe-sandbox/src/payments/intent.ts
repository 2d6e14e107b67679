import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { newClientSecret, newId } from '../store/ids'

export interface NewIntent {
  amount: number
  currency: string
  customer: string | null
  description: string | null
  metadata: Record<string, string>
  receiptEmail: string | null
  automaticPaymentMethods: Stripe.PaymentIntent.AutomaticPaymentMethods | null
  paymentMethodTypes: string[]
  allowedPaymentMethodTypes?: string[] | null
  setupFutureUsage: Stripe.PaymentIntent.SetupFutureUsage | null
  statementDescriptor: string | null
  statementDescriptorSuffix: string | null
  created: number
}

/** Statuses from which a PaymentIntent can still be confirmed, updated or canceled. */
export const OPEN_STATUSES: readonly string[] = ['requires_payment_method', 'requires_confirmation', 'requires_action']

export function buildPaymentIntent(fields: NewIntent): Stripe.PaymentIntent {
  const id = newId('pi')
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: (fields.allowedPaymentMethodTypes ?? null) as Stripe.PaymentIntent['allowed_payment_method_types'],
    amount: fields.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: fields.automaticPaymentMethods,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: newClientSecret(id),
    confirmation_method: 'automatic',
    created: fields.created,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: fields.automaticPaymentMethods?.enabled ? { id: newId('pmc'), parent: null } : null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: fields.paymentMethodTypes,
    payment_record: null,
    processing: null,
    receipt_email: fields.receiptEmail,
    review: null,
    setup_future_usage: fields.setupFutureUsage,
    shipping: null,
    source: null,
    statement_descriptor: fields.statementDescriptor,
    statement_descriptor_suffix: fields.statementDescriptorSuffix,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  }
}

/** What links an intent to the invoice or checkout session it pays (Stripe keeps this internally). */
export interface IntentOwner {
  type: 'invoice' | 'checkout.session'
  id: string
}

export function setIntentOwner(ctx: Ctx, intentId: string, owner: IntentOwner): void {
  ctx.core.store.setPrivate(intentId, 'owner', owner)
}

export function intentOwner(ctx: Ctx, intentId: string): IntentOwner | undefined {
  return ctx.core.store.getPrivate<IntentOwner>(intentId, 'owner')
}
