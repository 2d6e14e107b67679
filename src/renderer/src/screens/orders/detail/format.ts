import type { PaymentStatus, RefundReason, RefundStatus } from '@shared/domain'
import type { Tone } from '../../../ui/Badge'

// Dates in the shop's locale and zone (Settings), the same on every screen.
export { formatDate, formatDateTime, formatShortDateTime, formatTime } from '../../../app/shop-format'

export const REFUND_REASON_LABEL: Record<RefundReason, string> = {
  requested_by_customer: 'Requested by the customer',
  duplicate: 'Duplicate payment',
  fraudulent: 'Fraudulent',
  other: 'Other',
}

/** How a payment's or a refund's status reads (refund statuses are a subset of payment statuses). */
const MONEY_STATUS_TONE: Record<PaymentStatus | RefundStatus, Tone> = {
  pending: 'info',
  requires_action: 'warning',
  processing: 'info',
  succeeded: 'success',
  failed: 'danger',
  canceled: 'neutral',
}

/** Neutral for a status this build does not know (another till's copy could come from a newer one). */
export function moneyStatusTone(status: string): Tone {
  return MONEY_STATUS_TONE[status as PaymentStatus] ?? 'neutral'
}

export const METHOD_LABEL = { card: 'Card', cash: 'Cash', credit: 'Store credit' } as const

/** "partially_refunded" → "Partially refunded". */
export function humanize(code: string): string {
  const words = code.replace(/[_.]/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The message of whatever a call threw, and its error code when it came from the till. */
export function describeFailure(error: unknown): { code: string; message: string } {
  const code = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'internal'
  return { code, message: error instanceof Error ? error.message : String(error) }
}
