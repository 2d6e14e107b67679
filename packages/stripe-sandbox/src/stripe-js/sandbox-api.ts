// HTTP calls from the stand-in to the local sandbox server, shaped like Stripe.js's
// own calls to api.stripe.com: publishable key as Bearer, form-encoded bodies.
// Every call resolves to `{ paymentIntent }` or `{ error }`; none throws.

import type { PaymentIntentResult } from '@stripe/stripe-js'
import { encodeForm, type FormParams } from './form-encoding'
import {
  connectionError,
  errorFromApiResponse,
  integrationError,
  intentIdFromClientSecret,
  isPaymentIntent,
} from './stripe-errors'

export interface SandboxCardDetails {
  number: string
  expMonth: number
  expYear: number
  cvc: string
  postcode: string
}

export type ThreeDsOutcome = 'complete' | 'fail'

export interface SandboxApi {
  retrievePaymentIntent(clientSecret: string): Promise<PaymentIntentResult>
  confirmPaymentIntent(clientSecret: string, card: SandboxCardDetails, returnUrl?: string): Promise<PaymentIntentResult>
  authenticatePaymentIntent(clientSecret: string, outcome: ThreeDsOutcome): Promise<PaymentIntentResult>
}

export function createSandboxApi(apiBase: string, publishableKey: string): SandboxApi {
  const base = apiBase.replace(/\/+$/, '')

  async function send(method: 'GET' | 'POST', url: string, body?: FormParams): Promise<PaymentIntentResult> {
    const headers: Record<string, string> = { Authorization: `Bearer ${publishableKey}` }
    if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded'
    let response: Response
    try {
      response = await fetch(url, { method, headers, body: body ? encodeForm(body) : undefined })
    } catch {
      return { error: connectionError(base) }
    }
    const json: unknown = await response.json().catch(() => undefined)
    if (response.ok && isPaymentIntent(json)) return { paymentIntent: json }
    return { error: errorFromApiResponse(response.status, json) }
  }

  function intentUrl(clientSecret: string, action = ''): string | null {
    const id = intentIdFromClientSecret(clientSecret)
    return id ? `${base}/v1/payment_intents/${encodeURIComponent(id)}${action}` : null
  }

  const badSecret = (): PaymentIntentResult => ({
    error: integrationError('Invalid value for clientSecret: expected a PaymentIntent client secret like pi_..._secret_....'),
  })

  return {
    retrievePaymentIntent(clientSecret) {
      const url = intentUrl(clientSecret)
      if (!url) return Promise.resolve(badSecret())
      return send('GET', `${url}?client_secret=${encodeURIComponent(clientSecret)}`)
    },

    confirmPaymentIntent(clientSecret, card, returnUrl) {
      const url = intentUrl(clientSecret, '/confirm')
      if (!url) return Promise.resolve(badSecret())
      return send('POST', url, {
        client_secret: clientSecret,
        payment_method_data: {
          type: 'card',
          card: { number: card.number, exp_month: card.expMonth, exp_year: card.expYear, cvc: card.cvc },
          billing_details: { address: { postal_code: card.postcode } },
        },
        return_url: returnUrl,
        // Stripe.js handles next actions itself and says so, which keeps 3-D Secure a use_stripe_sdk action.
        use_stripe_sdk: 'true',
      })
    },

    authenticatePaymentIntent(clientSecret, outcome) {
      const url = intentUrl(clientSecret, '/sandbox_authenticate')
      if (!url) return Promise.resolve(badSecret())
      return send('POST', url, { client_secret: clientSecret, outcome })
    },
  }
}
