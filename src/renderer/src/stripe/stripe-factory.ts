// The only place checkout code learns whether payments are real: it asks for a
// `stripe` object and passes it to <Elements>; sandbox mode yields the stand-in.

import type { Stripe } from '@stripe/stripe-js'
// The "pure" entry point loads Stripe.js only when loadStripe() is called. The main
// entry injects the js.stripe.com script as soon as it is imported, which in sandbox
// mode would be a pointless (and offline, CSP-blocked) network request.
import { loadStripe } from '@stripe/stripe-js/pure'
import { createSandboxStripe } from '@coursetill/stripe-sandbox/stripe-js'

export type StripeMode = 'sandbox' | 'test' | 'live'

export interface StripeLoadConfig {
  mode: StripeMode
  publishableKey: string
  /** Required in sandbox mode: where the sandbox server listens. */
  sandboxApiUrl?: string
}

export async function loadStripeFor(config: StripeLoadConfig): Promise<Stripe | null> {
  if (config.mode !== 'sandbox') return loadStripe(config.publishableKey)
  if (!config.sandboxApiUrl) throw new Error('Sandbox mode needs sandboxApiUrl: the address of the sandbox server.')
  return createSandboxStripe(config.publishableKey, { apiBase: config.sandboxApiUrl })
}
