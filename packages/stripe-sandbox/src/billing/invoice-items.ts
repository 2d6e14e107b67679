// Invoice items (POST /v1/invoiceitems): a charge waiting for an invoice. Added to a draft invoice when one is named
// (`invoice`), else pending on the customer until an invoice made with pending_invoice_items_behavior=include
// takes it, as Stripe does. One-time prices only; or an amount and currency of its own.

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent, emitUpdated } from '../events/emit'
import { invalidRequest, parameterMissing } from '../http/errors'
import type { FormObject } from '../http/form'
import { assertKnownParams, optionalInteger, optionalObject, optionalString, readMetadata } from '../http/params'
import { readChargeAmount, readCurrency } from '../payments/amounts'
import { liveCustomer, mustGet, timeFor } from '../resources/lookup'
import { wireDecimal } from '../store/decimal'
import { newId } from '../store/ids'
import type { SandboxInvoice } from '../store/object-types'
import { invoiceObject } from './invoice-shape'

const PARAMS = ['customer', 'pricing', 'amount', 'currency', 'quantity', 'description', 'metadata', 'invoice', 'expand']

/** What the item charges: a one-time price's unit amount × quantity, or its own amount once. */
function readCharge(ctx: Ctx, params: FormObject): Pick<Stripe.InvoiceItem, 'amount' | 'currency' | 'pricing' | 'quantity' | 'description'> {
  const pricing = optionalObject(params, 'pricing')
  const quantity = optionalInteger(params, 'quantity', 1) ?? 1
  if (pricing) {
    assertKnownParams(pricing, ['price'], 'pricing')
    const priceId = optionalString(pricing, 'price')
    if (!priceId) throw parameterMissing('pricing[price]')
    if (params.amount !== undefined) throw invalidRequest('You may only specify one of these parameters: amount, pricing[price].', { param: 'amount' })
    const price = mustGet(ctx, 'price', priceId, 'pricing[price]')
    if (price.type !== 'one_time') {
      throw invalidRequest('The price specified is set to `type=recurring` but this field only accepts prices with `type=one_time`.', { param: 'pricing[price]' })
    }
    const product = typeof price.product === 'string' ? price.product : price.product.id
    const description = optionalString(params, 'description') ?? (ctx.core.store.get('product', product) as Stripe.Product | undefined)?.name ?? null
    return {
      amount: (price.unit_amount ?? 0) * quantity,
      currency: price.currency,
      pricing: { price_details: { price: price.id, product }, type: 'price_details', unit_amount_decimal: wireDecimal(price.unit_amount ?? 0) },
      quantity,
      description,
    }
  }
  const currency = readCurrency(params)
  if (!currency) throw parameterMissing('currency')
  if (params.quantity !== undefined) throw invalidRequest('You may only specify quantity with pricing[price].', { param: 'quantity' })
  const amount = readChargeAmount(params, currency)
  return { amount, currency, pricing: null, quantity: 1, description: optionalString(params, 'description') ?? null }
}

export function createInvoiceItem(ctx: Ctx, params: FormObject): Stripe.InvoiceItem {
  assertKnownParams(params, PARAMS)
  const customerId = optionalString(params, 'customer')
  if (!customerId) throw parameterMissing('customer')
  const customer = liveCustomer(ctx, customerId)
  const charge = readCharge(ctx, params)
  const invoiceId = optionalString(params, 'invoice') ?? null
  const invoice = invoiceId ? mustGet(ctx, 'invoice', invoiceId, 'invoice') : undefined
  if (invoice && invoice.status !== 'draft') throw invalidRequest(`Invoice ${invoice.id} is ${invoice.status}: items can only be added to a draft invoice.`, { param: 'invoice', code: 'invoice_not_editable' })
  if (invoice && invoice.customer !== customer.id) throw invalidRequest('The invoice belongs to another customer.', { param: 'invoice' })
  if (invoice && invoice.lines.data.length > 0 && invoice.currency !== charge.currency) {
    throw invalidRequest(`The invoice is in ${invoice.currency}; this item is in ${charge.currency}.`, { param: 'currency' })
  }
  const now = timeFor(ctx, customer.id)
  const item: Stripe.InvoiceItem = {
    id: newId('ii'),
    object: 'invoiceitem',
    ...charge,
    customer: customer.id,
    customer_account: null,
    date: now,
    discountable: true,
    discounts: [],
    invoice: invoice?.id ?? null,
    livemode: false,
    metadata: readMetadata(params),
    net_amount: charge.amount,
    parent: null,
    period: { start: now, end: now },
    proration: false,
    quantity_decimal: wireDecimal(charge.quantity),
    tax_rates: [],
    test_clock: typeof customer.test_clock === 'string' ? customer.test_clock : null,
  }
  ctx.core.store.insert('invoiceitem', item)
  emitEvent(ctx, 'invoiceitem.created', item)
  if (invoice) {
    const after = withItems(invoice, [item])
    ctx.core.store.update('invoice', after)
    emitUpdated(ctx, 'invoice.updated', invoice, after)
  }
  return item
}

/** The invoice line an invoice item becomes. */
export function lineOfItem(invoiceId: string, item: Stripe.InvoiceItem): Stripe.InvoiceLineItem {
  return {
    id: newId('il'),
    object: 'line_item',
    amount: item.amount,
    currency: item.currency,
    description: item.description,
    discount_amounts: [],
    discountable: item.discountable,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: item.metadata ?? {},
    parent: {
      invoice_item_details: { invoice_item: item.id, proration: false, proration_details: { credited_items: null }, subscription: null },
      subscription_item_details: null,
      type: 'invoice_item_details',
    },
    period: item.period,
    pretax_credit_amounts: [],
    pricing: item.pricing,
    quantity: item.quantity,
    quantity_decimal: item.quantity_decimal,
    subscription: null,
    subtotal: item.amount,
    taxes: [],
  }
}

/** The draft with these items added as lines, its totals again the sum of its lines. */
export function withItems(invoice: SandboxInvoice, items: Stripe.InvoiceItem[]): SandboxInvoice {
  const lines = [...invoice.lines.data, ...items.map((item) => lineOfItem(invoice.id, item))]
  const customer = { id: invoice.customer, email: invoice.customer_email, name: invoice.customer_name, phone: invoice.customer_phone, test_clock: invoice.test_clock } as Stripe.Customer
  const rebuilt = invoiceObject(invoice.id, {
    customer,
    currency: items[0]?.currency ?? invoice.currency,
    lines,
    billingReason: invoice.billing_reason ?? 'manual',
    period: { start: invoice.period_start, end: invoice.period_end },
    created: invoice.created,
    number: invoice.number,
    parent: invoice.parent,
    metadata: invoice.metadata ?? {},
    description: invoice.description,
    collectionMethod: invoice.collection_method,
    autoAdvance: invoice.auto_advance ?? true,
  })
  return { ...invoice, ...pickTotals(rebuilt), currency: rebuilt.currency, lines: rebuilt.lines }
}

function pickTotals(invoice: SandboxInvoice) {
  const { amount_due, amount_remaining, subtotal, subtotal_excluding_tax, total, total_excluding_tax } = invoice
  return { amount_due, amount_remaining, subtotal, subtotal_excluding_tax, total, total_excluding_tax }
}
