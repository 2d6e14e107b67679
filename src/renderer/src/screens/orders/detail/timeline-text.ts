import type { TimelineEntry } from '@shared/insight'
import { declineReason } from '@shared/decline-reasons'
import { formatMoney } from '@shared/money'
import { humanize, REFUND_REASON_LABEL } from './format'

export interface Described {
  title: string
  detail?: string
}

type Audit = Extract<TimelineEntry, { kind: 'audit' }>
type Stripe = Extract<TimelineEntry, { kind: 'stripe' }>

const num = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null)
const text = (value: unknown) => (typeof value === 'string' ? value : null)
const states = (d: Record<string, unknown>) => `${humanize(text(d.from) ?? '?').toLowerCase()} → ${humanize(text(d.to) ?? '?').toLowerCase()}`

const OUTCOME: Record<Stripe['outcome'], string> = {
  applied: 'Applied to the order',
  skipped: 'Already known: nothing to change',
  unhandled: 'Not used by CourseTill',
  review: "Stripe's figures differ from the order's: flagged for review",
  failed: 'Could not be applied; Stripe sends it again',
  foreign: "Another till's payment on the same Stripe account: left alone",
}

/** An audit row in a sentence, with money in the order's currency and courses by title. */
export function describeAudit(entry: Audit, currency: string, courseTitle: (id: number) => string): Described {
  const d = entry.detail
  const money = (value: unknown) => {
    const amount = num(value)
    return amount === null ? '?' : formatMoney(amount, currency)
  }
  const course = () => courseTitle(num(d.courseId) ?? 0)
  switch (entry.action) {
    case 'order.created':
      return { title: 'Order created', detail: `${money(d.amount)} for ${Array.isArray(d.courseIds) ? d.courseIds.length : '?'} course(s)` }
    case 'order.status_changed':
      return { title: 'Order status changed', detail: states(d) }
    case 'order.canceled':
      return { title: 'Order canceled' }
    case 'order.flagged_for_review':
      return { title: 'Flagged for review', detail: text(d.reason) ?? undefined }
    case 'payment.cash_recorded':
      return { title: `Cash taken: ${money(d.applied)}`, detail: num(d.change) ? `tendered ${money(d.tendered)}, change ${money(d.change)}` : undefined }
    case 'payment.card_started':
      return { title: `Card payment started: ${money(d.amount)}`, detail: (num(d.attempt) ?? 1) > 1 ? `attempt ${num(d.attempt)}` : undefined }
    case 'payment.amount_changed':
      return { title: 'Card amount changed', detail: `${money(d.from)} → ${money(d.to)}` }
    case 'payment.status_changed':
      return { title: `Payment ${states(d).split(' → ')[1]}`, detail: text(d.failure) ? declineReason(text(d.failure)) : states(d) }
    case 'course.granted':
      return { title: `Access granted: ${course()}`, detail: text(d.reason) ?? undefined }
    case 'course.revoked':
      return { title: `Access revoked: ${course()}`, detail: text(d.reason) ?? undefined }
    case 'refund.requested': {
      const reason = text(d.reason) as keyof typeof REFUND_REASON_LABEL | null
      return { title: `Refund requested: ${money(d.amount)}`, detail: reason && REFUND_REASON_LABEL[reason] ? REFUND_REASON_LABEL[reason] : undefined }
    }
    case 'refund.status_changed':
      return { title: `Refund ${states(d).split(' → ')[1]}`, detail: states(d) }
    case 'refund.failed':
      return { title: 'Refund failed', detail: text(d.message) ?? undefined }
    case 'refund.line':
      return { title: `Course refunded: ${course()}`, detail: money(d.amount) }
    case 'refund.recorded_from_stripe':
      return { title: `Refund made in Stripe: ${money(d.amount)}`, detail: text(d.stripeRefund) ?? undefined }
    default:
      return { title: humanize(entry.action) }
  }
}

// Stripe's event names in the words of the shop floor; anything else falls back to its name made readable.
const STRIPE_EVENT: Record<string, string> = {
  'payment_intent.created': 'Card payment opened at Stripe',
  'payment_intent.requires_action': 'Stripe asked for 3-D Secure',
  'payment_intent.processing': 'Stripe is processing the payment',
  'payment_intent.succeeded': 'Stripe: payment succeeded',
  'payment_intent.payment_failed': 'Stripe: payment declined',
  'payment_intent.canceled': 'Stripe: card payment canceled',
  'payment_intent.amount_capturable_updated': 'Stripe: amount to capture changed',
  'charge.succeeded': 'Stripe: card charged',
  'charge.failed': 'Stripe: card charge failed',
  'charge.refunded': 'Stripe: charge refunded',
  'charge.refund.updated': 'Stripe: refund updated',
  'charge.dispute.created': 'Stripe: the customer disputed the payment',
  'refund.created': 'Stripe: refund created',
  'refund.updated': 'Stripe: refund updated',
  'refund.failed': 'Stripe: refund failed',
}

export function stripeEventTitle(type: string): string {
  return STRIPE_EVENT[type] ?? `Stripe: ${humanize(type).toLowerCase()}`
}

export function describeStripe(entry: Stripe): Described {
  return { title: stripeEventTitle(entry.type), detail: entry.error ? `${OUTCOME[entry.outcome]}: ${entry.error}` : OUTCOME[entry.outcome] }
}

/** Events that changed nothing (already known, or of no use to the till) are noise in an order's story. */
export const isQuietStripeEntry = (entry: TimelineEntry) => entry.kind === 'stripe' && (entry.outcome === 'skipped' || entry.outcome === 'unhandled')
