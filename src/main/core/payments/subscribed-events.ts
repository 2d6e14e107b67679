/**
 * The Stripe events CourseTill acts on. One list: the webhook dispatcher's handler map is typed by it,
 * catch-up asks Stripe for exactly these, and the managed webhook endpoint subscribes to them.
 */
export const SUBSCRIBED_EVENTS = [
  'payment_intent.succeeded',
  'payment_intent.processing',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'payment_intent.requires_action',
  'charge.succeeded',
  'charge.failed',
  'charge.refunded',
  'refund.created',
  'refund.updated',
  'refund.failed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const

export type SubscribedEvent = (typeof SUBSCRIBED_EVENTS)[number]

export function isSubscribedEvent(type: string): type is SubscribedEvent {
  return (SUBSCRIBED_EVENTS as readonly string[]).includes(type)
}
