// A page that uses the real <Elements> and <PaymentElement> from @stripe/react-stripe-js
// with the sandbox stand-in, the way CourseTill's checkout does. Query string:
// clientSecret, apiBase, optional pk and theme ('stripe' | 'night').

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js'
import type { StripeElementsOptionsClientSecret, StripeError } from '@stripe/stripe-js'
import { StrictMode, useState, type FormEvent } from 'react'
import { createRoot } from 'react-dom/client'
import { loadStripeFor } from '../../../src/renderer/src/stripe/stripe-factory'

const query = new URLSearchParams(window.location.search)
const theme = query.get('theme') === 'night' ? 'night' : 'stripe'
const stripePromise = loadStripeFor({
  mode: 'sandbox',
  publishableKey: query.get('pk') ?? 'pk_test_harness',
  sandboxApiUrl: query.get('apiBase') ?? '',
})
const elementsOptions: StripeElementsOptionsClientSecret = {
  clientSecret: query.get('clientSecret') ?? '',
  appearance: { theme },
}

// The stand-in must work under a CSP without 'unsafe-inline'; the test reads this list.
const cspViolations: string[] = []
document.documentElement.dataset.cspViolations = '[]'
document.addEventListener('securitypolicyviolation', (event) => {
  cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`)
  document.documentElement.dataset.cspViolations = JSON.stringify(cspViolations)
})

type Outcome = { kind: 'paid'; status: string; intentId: string } | { kind: 'failed'; error: StripeError }

function Checkout() {
  const stripe = useStripe()
  const elements = useElements()
  const [ready, setReady] = useState(false)
  const [complete, setComplete] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  async function pay(event: FormEvent) {
    event.preventDefault()
    if (!stripe || !elements) return
    setBusy(true)
    setOutcome(null)
    const submitted = await elements.submit()
    if (submitted.error) {
      setOutcome({ kind: 'failed', error: submitted.error })
    } else {
      const { paymentIntent, error } = await stripe.confirmPayment({ elements, redirect: 'if_required' })
      setOutcome(error ? { kind: 'failed', error } : { kind: 'paid', status: paymentIntent.status, intentId: paymentIntent.id })
    }
    setBusy(false)
  }

  return (
    <form className={theme === 'night' ? 'harness-card harness-card--night' : 'harness-card'} onSubmit={pay}>
      <h1 className="harness-title">Pay for “TypeScript in depth”</h1>
      <PaymentElement onReady={() => setReady(true)} onChange={(change) => setComplete(change.complete)} />
      <button className="harness-pay" type="submit" disabled={!ready || busy}>
        Pay £49.00
      </button>
      <p className="harness-status" data-testid="element-state">
        {ready ? 'ready' : 'loading'}, {complete ? 'complete' : 'incomplete'}
      </p>
      <ResultLine outcome={outcome} />
    </form>
  )
}

function ResultLine({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return <output className="harness-result" data-testid="result" />
  if (outcome.kind === 'paid') {
    return (
      <output className="harness-result" data-testid="result" data-intent-id={outcome.intentId}>
        Payment {outcome.status}
      </output>
    )
  }
  const { error } = outcome
  return (
    <output className="harness-result" data-testid="result" data-error-type={error.type} data-error-code={error.code ?? ''}
      data-decline-code={error.decline_code ?? ''} data-intent-status={error.payment_intent?.status ?? ''}>
      {error.message}
    </output>
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')
createRoot(root).render(
  <StrictMode>
    <Elements stripe={stripePromise} options={elementsOptions}>
      <Checkout />
    </Elements>
  </StrictMode>,
)
