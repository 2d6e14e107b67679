// The Stripe.js stand-in handed to <Elements stripe={...}> in sandbox mode.
// It implements what CourseTill's checkout and @stripe/react-stripe-js use
// (elements, confirmPayment, retrievePaymentIntent) against the local sandbox
// server; other Stripe.js methods resolve a clear "not supported" error.

import type { PaymentIntentResult, Stripe, StripeError } from '@stripe/stripe-js'
import { confirmPaymentInSandbox, type ConfirmPaymentOptions } from './confirm-payment'
import { createSandboxApi } from './sandbox-api'
import { createSandboxElements, type SandboxElementsOptions } from './sandbox-elements'
import { unsupportedMethodError } from './stripe-errors'

export interface SandboxStripeOptions {
  /** Base URL of the sandbox server, e.g. http://127.0.0.1:54321 */
  apiBase: string
}

// Present as functions so code (and react-stripe-js's isStripe check) finds them,
// but the checkout never calls them, so they only explain themselves.
const UNSUPPORTED_METHODS = [
  'confirmCardPayment',
  'createPaymentMethod',
  'createToken',
  'createConfirmationToken',
  'confirmSetup',
  'confirmCardSetup',
  'retrieveSetupIntent',
  'handleCardAction',
  'handleNextAction',
] as const

type UnsupportedMethods = Record<(typeof UNSUPPORTED_METHODS)[number], () => Promise<{ error: StripeError }>>

export function createSandboxStripe(publishableKey: string, opts: SandboxStripeOptions): Stripe {
  const api = createSandboxApi(opts.apiBase, publishableKey)

  const unsupported = Object.fromEntries(
    UNSUPPORTED_METHODS.map((method) => [method, async () => ({ error: unsupportedMethodError(method) })]),
  ) as UnsupportedMethods

  const standIn = {
    ...unsupported,
    elements: (options?: SandboxElementsOptions) => createSandboxElements(options),
    confirmPayment: (options: ConfirmPaymentOptions): Promise<PaymentIntentResult> => confirmPaymentInSandbox(api, options),
    retrievePaymentIntent: (clientSecret: string): Promise<PaymentIntentResult> => api.retrievePaymentIntent(clientSecret),
    // react-stripe-js reports its name and version through these for Stripe's
    // telemetry; the sandbox sends nothing anywhere, so they only accept the call.
    registerAppInfo: (_info: { name: string }) => undefined,
    _registerWrapper: (_info: { name: string }) => undefined,
  }
  // The stand-in covers a subset of Stripe's (very large) interface; the cast is the
  // one place that claims otherwise, and the E2E test holds it to that claim.
  return standIn as unknown as Stripe
}
