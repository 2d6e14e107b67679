// Invoices made by hand (POST /v1/invoices), as a dashboard user or an app makes a one-off invoice: a draft for a
// customer, its items added (or pending items taken with pending_invoice_items_behavior=include), then finalized
// (POST /v1/invoices/:id/finalize: numbered, with a PaymentIntent) and paid (POST /v1/invoices/:id/pay).

import type Stripe from 'stripe'
import type { Ctx } from '../context'
import { emitEvent } from '../events/emit'
import { invalidRequest, parameterMissing } from '../http/errors'
import type { FormObject } from '../http/form'
import { assertKnownParams, optionalBoolean, optionalEnum, optionalInteger, optionalString, readMetadata } from '../http/params'
import { readCurrency } from '../payments/amounts'
import { liveCustomer, timeFor } from '../resources/lookup'
import { newId } from '../store/ids'
import type { SandboxInvoice } from '../store/object-types'
import { withItems } from './invoice-items'
import { invoiceObject } from './invoice-shape'
import { finalizeInvoice, nextInvoiceNumber } from './invoices'

const PARAMS = ['customer', 'auto_advance', 'collection_method', 'days_until_due', 'description', 'metadata', 'pending_invoice_items_behavior', 'currency', 'expand']

export function createStandaloneInvoice(ctx: Ctx, params: FormObject): SandboxInvoice {
  assertKnownParams(params, PARAMS)
  const customerId = optionalString(params, 'customer')
  if (!customerId) throw parameterMissing('customer')
  const customer = liveCustomer(ctx, customerId)
  const collection = optionalEnum(params, 'collection_method', ['charge_automatically', 'send_invoice'] as const) ?? 'charge_automatically'
  const daysUntilDue = optionalInteger(params, 'days_until_due', 0) ?? null
  if (collection === 'send_invoice' && daysUntilDue === null) throw parameterMissing('days_until_due')
  if (collection === 'charge_automatically' && daysUntilDue !== null) {
    throw invalidRequest('days_until_due can only be set when collection_method is send_invoice.', { param: 'days_until_due' })
  }
  // Stripe's default since 2022-08-01: pending items stay pending unless asked for.
  const behavior = optionalEnum(params, 'pending_invoice_items_behavior', ['include', 'exclude'] as const) ?? 'exclude'
  const pending =
    behavior === 'include' ? ctx.core.store.list('invoiceitem').filter((item) => item.customer === customer.id && item.invoice === null).reverse() : []
  const currency = readCurrency(params) ?? pending[0]?.currency ?? 'usd'
  const taken = pending.filter((item) => item.currency === currency)
  const now = timeFor(ctx, customer.id)
  const draft = invoiceObject(newId('in'), {
    customer,
    currency,
    lines: [],
    billingReason: 'manual',
    period: { start: now, end: now },
    created: now,
    number: null,
    parent: null,
    metadata: readMetadata(params),
    description: optionalString(params, 'description') ?? null,
    collectionMethod: collection,
    autoAdvance: optionalBoolean(params, 'auto_advance') ?? false,
  })
  const invoice: SandboxInvoice = {
    ...(taken.length > 0 ? withItems(draft, taken) : draft),
    due_date: daysUntilDue === null ? null : now + daysUntilDue * 86_400,
  }
  ctx.core.store.insert('invoice', invoice)
  for (const item of taken) ctx.core.store.update('invoiceitem', { ...item, invoice: invoice.id })
  emitEvent(ctx, 'invoice.created', invoice)
  return invoice
}

/** draft → open: numbered now (a draft made by hand has no number), with its PaymentIntent. */
export function finalizeStandaloneInvoice(ctx: Ctx, invoice: SandboxInvoice, params: FormObject): SandboxInvoice {
  assertKnownParams(params, ['auto_advance', 'expand'])
  if (invoice.status !== 'draft') {
    throw invalidRequest("This invoice is already finalized, you can't re-finalize a non-draft invoice.", { code: 'invoice_not_editable' })
  }
  const customer = liveCustomer(ctx, typeof invoice.customer === 'string' ? invoice.customer : (invoice.customer as Stripe.Customer).id, 'customer')
  const autoAdvance = optionalBoolean(params, 'auto_advance')
  const draft = autoAdvance === undefined ? invoice : { ...invoice, auto_advance: autoAdvance }
  return finalizeInvoice(ctx, draft, { announceCreated: false, number: invoice.number ?? nextInvoiceNumber(ctx, customer) })
}
