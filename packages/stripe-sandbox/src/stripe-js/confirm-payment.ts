// stripe.confirmPayment for the sandbox: validate the card form, confirm the
// PaymentIntent on the sandbox server, run the 3-D Secure challenge when asked,
// and resolve `{ paymentIntent }` or `{ error }` exactly where Stripe.js would.

import type { PaymentIntent, PaymentIntentResult } from '@stripe/stripe-js'
import type { CardFieldValues } from './card-field-errors'
import { digitsOnly, parseExpiry, sanitisePostcode } from './card-validation'
import type { SandboxApi, SandboxCardDetails } from './sandbox-api'
import { elementsControllerOf } from './sandbox-elements'
import { errorFromFailedIntent, integrationError, validationError } from './stripe-errors'
import { askThreeDsOutcome } from './three-ds-dialog'

export interface ConfirmPaymentOptions {
  elements?: unknown
  clientSecret?: string
  confirmParams?: { return_url?: string }
  redirect?: 'if_required' | 'always'
}

export async function confirmPaymentInSandbox(api: SandboxApi, options: ConfirmPaymentOptions): Promise<PaymentIntentResult> {
  if (options.redirect !== 'if_required') {
    // A desktop till never leaves its window; full-page redirects are not imitated.
    return { error: integrationError("The Stripe sandbox supports confirmPayment only with redirect: 'if_required'.") }
  }
  const controller = elementsControllerOf(options.elements)
  if (!controller) {
    return { error: integrationError('confirmPayment needs the `elements` instance that holds the Payment Element.') }
  }
  const clientSecret = options.clientSecret ?? controller.clientSecret()
  if (!clientSecret) {
    return { error: integrationError('confirmPayment needs a clientSecret, from <Elements options> or its own options.') }
  }
  const element = controller.mountedPaymentElement()
  if (!('publicElement' in element)) return { error: element }
  // A double click must not confirm twice or stack two 3-D Secure dialogs.
  if (element.isBusy()) return { error: integrationError('A payment confirmation is already in progress.') }
  const fieldError = element.validate()
  if (fieldError) return { error: validationError(fieldError) }

  element.setBusy(true)
  try {
    const confirmed = await api.confirmPaymentIntent(clientSecret, cardDetails(element.readCard()), options.confirmParams?.return_url)
    if (confirmed.error) return confirmed
    return await settle(api, clientSecret, confirmed.paymentIntent)
  } finally {
    element.setBusy(false)
  }
}

/** Turns a confirmed intent into the final result, authenticating first when the bank asks. */
async function settle(api: SandboxApi, clientSecret: string, intent: PaymentIntent): Promise<PaymentIntentResult> {
  if (intent.status === 'requires_payment_method') return { error: errorFromFailedIntent(intent) }
  if (intent.status !== 'requires_action') return { paymentIntent: intent }
  if (intent.next_action?.type !== 'use_stripe_sdk') {
    return { error: integrationError(`The Stripe sandbox cannot handle the next action '${intent.next_action?.type ?? 'none'}'.`) }
  }
  const outcome = await askThreeDsOutcome(document)
  const authenticated = await api.authenticatePaymentIntent(clientSecret, outcome)
  if (authenticated.error) return authenticated
  const final = authenticated.paymentIntent
  return final.status === 'requires_payment_method' ? { error: errorFromFailedIntent(final) } : { paymentIntent: final }
}

/** Called only after validation, so every field parses. */
function cardDetails(values: CardFieldValues): SandboxCardDetails {
  const expiry = parseExpiry(values.expiry)
  if (!expiry) throw new Error('Card expiry must be validated before confirming.')
  return {
    number: digitsOnly(values.number),
    expMonth: expiry.month,
    expYear: expiry.year,
    cvc: digitsOnly(values.cvc),
    postcode: sanitisePostcode(values.postcode).trim(),
  }
}
