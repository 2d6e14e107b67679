import type Stripe from 'stripe'
import type { ApplyContext, ApplyOutcome } from '../payments/apply-intent'
import { sql } from '../store/statements'
import { idOf } from '../stripe/expandable'
import { scopeOf } from '../stripe/installation-scope'
import { recordsExternalPayments } from './apply-external'
import { placeOrQueue } from './shop-queue'

/** What an invoice event carries that placing it needs (the re-read adds `payments`). */
export type ExternalInvoiceFacts = Pick<Stripe.Invoice, 'id' | 'status' | 'amount_paid' | 'currency' | 'parent'> &
  Partial<Pick<Stripe.Invoice, 'metadata' | 'customer' | 'customer_email' | 'created' | 'lines'>> & {
    payments?: { data: Array<Pick<Stripe.InvoicePayment, 'status' | 'payment'>> }
  }

type Result = { outcome: ApplyOutcome; orderId: number | null }

/** An invoice line as the line items external payments are matched by (price, product, what was charged). */
function asLineItem(line: Stripe.InvoiceLineItem): Stripe.LineItem {
  const details = line.pricing?.price_details
  const price = details?.price
  const priceObject =
    price && typeof price === 'object'
      ? price
      : ({ id: price ?? '', lookup_key: null, metadata: {}, product: details?.product ?? '', nickname: null } as unknown as Stripe.Price)
  return { description: line.description ?? '', price: details ? priceObject : null, amount_total: line.amount, quantity: line.quantity ?? 1 } as Stripe.LineItem
}

/**
 * invoice.paid for an invoice the till did not make and no membership or plan of ours bills: a one-off invoice
 * from the dashboard (or another app) selling courses. Like an outside checkout session: claimed by its id (a
 * replay finds the claim), then matched by the customer's email and by each line's price or product — an order at
 * store prices with ownership, another price held for review, anything unknown in the Unmatched payments inbox.
 */
export function applyExternalInvoice(ctx: ApplyContext, invoice: ExternalInvoiceFacts): Result {
  // A subscription's invoice (ours or not) is a membership's business, never a one-off sale.
  if (invoice.parent?.subscription_details) return { outcome: 'skipped', orderId: null }
  const scope = scopeOf({ metadata: invoice.metadata ?? null }, ctx.installationId)
  if (scope === 'foreign') return { outcome: 'foreign', orderId: null }
  if (scope === 'ours') return { outcome: 'skipped', orderId: null }
  if (invoice.status !== 'paid' || invoice.amount_paid <= 0) return { outcome: 'skipped', orderId: null }
  if (!recordsExternalPayments(ctx)) return { outcome: 'skipped', orderId: null }
  const claimed = sql(ctx.db, 'SELECT order_id FROM external_payment WHERE stripe_object_id = ?').get(invoice.id) as { order_id: number | null } | undefined
  if (claimed) return { outcome: 'skipped', orderId: claimed.order_id }
  // The payload carries no `payments` unless expanded: the re-read has them.
  if (!invoice.payments || !invoice.lines) return { outcome: 'refetch', orderId: null }
  const paid = invoice.payments.data.find((p) => p.status === 'paid' && p.payment.type === 'payment_intent')
  const intentId = idOf(paid?.payment.payment_intent) ?? null
  return placeOrQueue(ctx, {
    objectId: invoice.id,
    source: 'invoice',
    email: invoice.customer_email?.trim().toLowerCase() || null,
    customer: idOf(invoice.customer) ?? null,
    paymentIntent: intentId,
    amount: invoice.amount_paid,
    currency: invoice.currency.toUpperCase(),
    items: invoice.lines.data.map(asLineItem),
    created: invoice.created ?? Math.floor(ctx.now / 1000),
  })
}
