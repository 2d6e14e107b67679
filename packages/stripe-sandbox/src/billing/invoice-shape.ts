import type Stripe from 'stripe'
import { wireDecimal } from '../store/decimal'
import { newId } from '../store/ids'
import type { SandboxInvoice } from '../store/object-types'

export interface InvoiceLineInput {
  subscriptionItem: Stripe.SubscriptionItem
  period: { start: number; end: number }
}

export interface NewInvoice {
  customer: Stripe.Customer
  subscription: Stripe.Subscription
  lines: InvoiceLineInput[]
  billingReason: 'subscription_create' | 'subscription_cycle'
  period: { start: number; end: number }
  created: number
  number: string
}

function lineDescription(item: Stripe.SubscriptionItem): string {
  const quantity = item.quantity ?? 1
  const product = typeof item.price.product === 'string' ? item.price.product : item.price.product.id
  return `${quantity} × ${item.price.nickname ?? product} (at ${item.price.unit_amount ?? 0} ${item.price.currency} / ${item.price.recurring?.interval ?? 'period'})`
}

function buildLine(invoiceId: string, subscriptionId: string, input: InvoiceLineInput): Stripe.InvoiceLineItem {
  const { subscriptionItem: item, period } = input
  const quantity = item.quantity ?? 1
  const amount = (item.price.unit_amount ?? 0) * quantity
  return {
    id: newId('il'),
    object: 'line_item',
    amount,
    currency: item.price.currency,
    description: lineDescription(item),
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: subscriptionId,
        subscription_item: item.id,
      },
      type: 'subscription_item_details',
    },
    period,
    pretax_credit_amounts: [],
    pricing: {
      price_details: {
        price: item.price.id,
        product: typeof item.price.product === 'string' ? item.price.product : item.price.product.id,
      },
      type: 'price_details',
      unit_amount_decimal: wireDecimal(item.price.unit_amount ?? 0),
    },
    quantity,
    quantity_decimal: wireDecimal(quantity),
    subscription: subscriptionId,
    subtotal: amount,
    taxes: [],
  }
}

/** A draft invoice for a subscription's period; totals come from its lines (no tax, no discounts). */
export function buildInvoice(fields: NewInvoice): SandboxInvoice {
  const id = newId('in')
  return invoiceObject(id, {
    customer: fields.customer,
    currency: fields.subscription.currency,
    lines: fields.lines.map((line) => buildLine(id, fields.subscription.id, line)),
    billingReason: fields.billingReason,
    period: fields.period,
    created: fields.created,
    number: fields.number,
    parent: {
      quote_details: null,
      subscription_details: { metadata: fields.subscription.metadata, subscription: fields.subscription.id },
      type: 'subscription_details',
    },
  })
}

/** What an invoice is made of, whoever makes it (a subscription's period, or invoice items by hand). */
export interface InvoiceBody {
  customer: Stripe.Customer
  currency: string
  lines: Stripe.InvoiceLineItem[]
  billingReason: Stripe.Invoice.BillingReason
  period: { start: number; end: number }
  created: number
  number: string | null
  parent: Stripe.Invoice.Parent | null
  metadata?: Record<string, string>
  description?: string | null
  collectionMethod?: Stripe.Invoice.CollectionMethod
  autoAdvance?: boolean
}

/** The invoice object; totals are the sum of its lines (no tax, no discounts). */
export function invoiceObject(id: string, body: InvoiceBody): SandboxInvoice {
  const { lines, customer } = body
  const total = lines.reduce((sum, line) => sum + line.amount, 0)
  const fields = body
  return {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'CourseTill Sandbox',
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: body.autoAdvance ?? true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: fields.billingReason,
    collection_method: body.collectionMethod ?? 'charge_automatically',
    confirmation_secret: null,
    created: fields.created,
    currency: body.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: body.description ?? null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: body.metadata ?? {},
    next_payment_attempt: null,
    number: fields.number,
    on_behalf_of: null,
    parent: body.parent,
    payment_intent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: fields.period.end,
    period_start: fields.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: typeof customer.test_clock === 'string' ? customer.test_clock : null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  }
}
