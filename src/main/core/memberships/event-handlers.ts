import type { EventHandler } from '../payments/event-handlers'
import { applyInvoiceFailed, applyInvoicePaid, type InvoiceFacts } from './apply-invoice'
import { applySubscription, type SubscriptionFacts } from './apply-subscription'

/** customer.subscription.created/updated/deleted: the management callback (access on or off). */
export const subscriptionEvent: EventHandler = {
  apply: (ctx, event, fresh) =>
    applySubscription(ctx, (fresh ?? event.data.object) as SubscriptionFacts, { at: event.created, fresh: fresh !== undefined }),
  refetch: (reader, event) => reader.retrieveSubscription(event.data.object.id),
}

/** invoice.paid: the renewal callback (one order per invoice). The payload lacks `payments` unless expanded: re-read. */
export const invoicePaidEvent: EventHandler = {
  apply: (ctx, event, fresh) => applyInvoicePaid(ctx, (fresh ?? event.data.object) as InvoiceFacts),
  refetch: (reader, event) => reader.retrieveInvoice(event.data.object.id),
}

export const invoiceFailedEvent: EventHandler = {
  apply: (ctx, event, fresh) => applyInvoiceFailed(ctx, (fresh ?? event.data.object) as InvoiceFacts),
  refetch: (reader, event) => reader.retrieveInvoice(event.data.object.id),
}
