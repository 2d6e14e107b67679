// The official Stripe SDK, pointed at Stripe or at a Stripe-compatible local API: the one place a client is made.
import Stripe from 'stripe'
import { STRIPE_API_VERSION } from '../core/stripe/api-version'
import type { StripeConnection } from '../core/ports'

/** With network retries on (the same idempotency key on each try) and the pinned API version. */
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
