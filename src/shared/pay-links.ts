// Pay on phone / send link (issue 13): a Stripe Checkout Session for what an order still owes.

export type PayLinkStatus = 'creating' | 'open' | 'complete' | 'expired'

export interface PayLink {
  id: number
  orderId: number
  stripeSessionId: string | null
  url: string | null
  amount: number
  currency: string
  status: PayLinkStatus
  /** Why the customer's latest attempt on the pay page was declined (the link stays open for another try). */
  lastFailure: string | null
  /** Unix milliseconds. */
  expiresAt: number
  createdAt: number
}

/** A link with its QR code, an SVG as a data: URL (the renderer's CSP allows data: images). */
export interface PayLinkView extends PayLink {
  qrDataUrl: string | null
}

/** How long a new link stays payable: Stripe accepts 30 minutes to 24 hours. */
export const PAY_LINK_MIN_MINUTES = 30
export const PAY_LINK_MAX_MINUTES = 24 * 60
export const PAY_LINK_DEFAULT_MINUTES = 60
