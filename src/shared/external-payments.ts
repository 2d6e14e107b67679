// Payments taken in Stripe without the till (issue 13): what the Unmatched payments inbox shows.

export interface ExternalLine {
  description: string
  priceId: string | null
  productId: string | null
  lookupKey: string | null
  /** What Stripe charged for the line, minor units. */
  amount: number
  quantity: number
  /** The course it was recognised as, if any. */
  courseId: number | null
}

export type ExternalStatus = 'recorded' | 'unmatched' | 'dismissed'

export interface ExternalPayment {
  id: number
  stripeObjectId: string
  source: 'checkout_session' | 'invoice'
  email: string | null
  amount: number
  currency: string
  lines: ExternalLine[]
  status: ExternalStatus
  /** Why it waits in the inbox (or why its order is held for review). */
  reason: string | null
  accountId: number | null
  orderId: number | null
  dismissReason: string | null
  /** Unix milliseconds (Stripe's time of the payment). */
  paidAt: number
  log: Array<{ at: number; actor: string; action: string; detail: Record<string, unknown> }>
}

export interface CatalogInStripe {
  enabled: boolean
  /** Courses whose current price is in Stripe, and retired courses archived there. */
  published: number
  archived: number
  /** Courses on sale whose price Stripe does not have yet (published at the next catch-up). */
  pending: number
  lastRun: { published: number; archived: number; unchanged: number } | null
}
