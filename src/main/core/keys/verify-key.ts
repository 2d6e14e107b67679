import { AppError } from '@shared/errors'
import type Stripe from 'stripe'
import { fieldError, maskKey } from './stripe-keys'

const CHECK_TIMEOUT_MS = 10_000

/**
 * Asks Stripe whether it accepts the secret key, with the cheapest authenticated read there is
 * (one customer, which the till needs to read anyway), so a mistyped or revoked key is refused before saving.
 */
export async function verifySecretKey(stripe: Stripe, secretKey: string): Promise<void> {
  try {
    await stripe.customers.list({ limit: 1 }, { maxNetworkRetries: 0, timeout: CHECK_TIMEOUT_MS })
  } catch (error) {
    const { type, message } = error as { type?: string; message?: string }
    if (type === 'StripeAuthenticationError') {
      throw fieldError('secretKey', `Stripe did not accept ${maskKey(secretKey)}: check that it was copied whole and has not been rolled`)
    }
    if (type === 'StripePermissionError') {
      throw fieldError('secretKey', `This restricted key may not read customers; CourseTill needs customers, payment intents, refunds, events and webhook endpoints (${message ?? ''})`.trim())
    }
    if (type === 'StripeConnectionError' || type === 'StripeAPIError' || type === 'StripeRateLimitError') {
      throw new AppError('unavailable', 'Stripe could not be reached to check the key; nothing was saved. Check the connection and try again')
    }
    throw new AppError('invalid_input', `Stripe refused the check: ${message ?? 'unknown error'}`)
  }
}
