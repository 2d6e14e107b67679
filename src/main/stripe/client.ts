import Stripe from 'stripe'

/** Pinned: a new SDK release must not silently change the shapes our handlers read. */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const

export interface StripeConnection {
  secretKey: string
  /** A Stripe-compatible base URL (the sandbox); Stripe itself when null. */
  apiUrl: URL | null
}

/** The official SDK, pointed at Stripe or at the sandbox, with network retries on (same idempotency key each try). */
export function createStripeClient(connection: StripeConnection): Stripe {
  const url = connection.apiUrl
  return new Stripe(connection.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 3,
    timeout: 20_000,
    appInfo: { name: 'CourseTill' },
    ...(url
      ? {
          host: url.hostname,
          port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
          protocol: url.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  })
}
