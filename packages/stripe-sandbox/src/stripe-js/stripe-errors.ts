// The `{ error }` objects Stripe.js resolves with, built for the sandbox cases.
// Pure (types only from @stripe/stripe-js), so they are unit tested in Node.

import type { PaymentIntent, StripeError } from '@stripe/stripe-js'
import type { CardFieldError } from './card-field-errors'

const AUTHENTICATION_FAILURE_MESSAGE =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.'

const ERROR_FIELDS = [
  'type',
  'code',
  'decline_code',
  'message',
  'param',
  'doc_url',
  'charge',
  'payment_intent',
  'payment_method',
] as const

export function validationError(fieldError: CardFieldError): StripeError {
  return { type: 'validation_error', code: fieldError.code, message: fieldError.message }
}

export function connectionError(apiBase: string): StripeError {
  return {
    type: 'api_connection_error',
    message: `Could not reach the Stripe sandbox at ${apiBase}. Check that the sandbox server is running.`,
  }
}

export function integrationError(message: string): StripeError {
  return { type: 'invalid_request_error', code: 'integration_error', message }
}

/** For Stripe.js methods our checkout never calls, so the sandbox does not imitate them. */
export function unsupportedMethodError(method: string): StripeError {
  return integrationError(
    `stripe.${method}() is not supported by the CourseTill Stripe sandbox. Use <PaymentElement> with stripe.confirmPayment().`,
  )
}

/**
 * An intent sent back to requires_payment_method: Stripe.js turns its
 * last_payment_error into the `{ error }` of confirmPayment. A failed or abandoned
 * 3-D Secure challenge reports payment_intent_authentication_failure.
 */
export function errorFromFailedIntent(intent: PaymentIntent): StripeError {
  const last = intent.last_payment_error
  const code = last?.code ?? 'payment_intent_authentication_failure'
  const message = last?.message ?? (code === 'payment_intent_authentication_failure' ? AUTHENTICATION_FAILURE_MESSAGE : 'Your card was declined.')
  const error: StripeError = { type: 'card_error', code, message, payment_intent: intent }
  if (last?.decline_code) error.decline_code = last.decline_code
  return error
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Keeps the fields Stripe.js copies from an API error body; anything else is an api_error. */
export function errorFromApiResponse(status: number, body: unknown): StripeError {
  const apiError = isRecord(body) ? body.error : undefined
  if (!isRecord(apiError) || typeof apiError.type !== 'string') {
    return { type: 'api_error', message: `The Stripe sandbox answered HTTP ${status} without a usable error.` }
  }
  const error: Record<string, unknown> = {}
  for (const field of ERROR_FIELDS) {
    if (apiError[field] !== undefined) error[field] = apiError[field]
  }
  return error as unknown as StripeError
}

export function isPaymentIntent(body: unknown): body is PaymentIntent {
  return isRecord(body) && body.object === 'payment_intent' && typeof body.id === 'string' && typeof body.status === 'string'
}

/** A client secret is `<intent id>_secret_<random>`; Stripe.js derives the id the same way. */
export function intentIdFromClientSecret(clientSecret: string): string | null {
  const separator = clientSecret.indexOf('_secret_')
  const hasSecretPart = separator > 0 && separator + '_secret_'.length < clientSecret.length
  return hasSecretPart ? clientSecret.slice(0, separator) : null
}
