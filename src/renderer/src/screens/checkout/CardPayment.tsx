import { useEffect, useMemo, useState } from 'react'
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js'
import type { Stripe } from '@stripe/stripe-js'
import type { AppInfo, CardCheckout, OrderDetail } from '@shared/domain'
import { declineReason } from '@shared/decline-reasons'
import { api } from '../../api/transport'
import { useIsDark } from '../../app/theme'
import { loadStripeFor } from '../../stripe/stripe-factory'
import { Button } from '../../ui/Button'
import { Loading } from '../../ui/Panel'
import { Money } from '../../ui/Money'

let stripePromise: { key: string; promise: Promise<Stripe | null> } | null = null

/** One Stripe.js (or sandbox stand-in) per configuration; the only place that knows which it is, is the factory. */
function stripeFor(info: AppInfo): Promise<Stripe | null> {
  const key = `${info.mode}:${info.stripe.publishableKey}:${info.stripe.sandboxApiUrl ?? ''}`
  if (stripePromise?.key !== key) {
    stripePromise = { key, promise: loadStripeFor({ mode: info.mode, publishableKey: info.stripe.publishableKey, sandboxApiUrl: info.stripe.sandboxApiUrl ?? undefined }) }
  }
  return stripePromise.promise
}

export function CardPayment({ info, order, onSettled, onBusy }: { info: AppInfo; order: OrderDetail; onSettled: (order: OrderDetail) => void; onBusy: (busy: boolean) => void }) {
  const [checkout, setCheckout] = useState<CardCheckout | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const stripe = useMemo(() => stripeFor(info), [info])
  // The card form follows the theme when it changes, not only the theme it was opened in.
  const dark = useIsDark()

  // (Re)opens the order's intent whenever what is owed changes (cash taken): the main process reuses it.
  useEffect(() => {
    let current = true
    setCheckout(null)
    // A new amount is a new attempt: an error about the old one no longer applies.
    setError(null)
    api.invoke('payments:startCard', { orderId: order.id }).then(
      (opened) => current && setCheckout(opened),
      (failure: Error) => current && setError(failure.message),
    )
    return () => {
      current = false
    }
  }, [order.id, order.amountDue, attempt])

  if (error) {
    return (
      <div className="stack">
        <p className="inline-error" role="alert">
          Card payments cannot start just now: {sentence(error)} Cash still works.
        </p>
        <Button onClick={() => setAttempt((n) => n + 1)}>Try the card again</Button>
      </div>
    )
  }
  if (!checkout) return <Loading label="Preparing the card payment…" />
  return (
    <Elements key={`${checkout.clientSecret}:${checkout.amount}:${dark ? 'night' : 'stripe'}`} stripe={stripe} options={{ clientSecret: checkout.clientSecret, appearance: { theme: dark ? 'night' : 'stripe' } }}>
      <PayForm checkout={checkout} onSettled={onSettled} onBusy={onBusy} />
    </Elements>
  )
}

function PayForm({ checkout, onSettled, onBusy }: { checkout: CardCheckout; onSettled: (order: OrderDetail) => void; onBusy: (busy: boolean) => void }) {
  const stripe = useStripe()
  const elements = useElements()
  const [busy, setBusy] = useState(false)
  const [complete, setComplete] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  async function pay() {
    if (!stripe || !elements || busy) return
    setBusy(true)
    onBusy(true)
    setFailure(null)
    try {
      const submitted = await elements.submit()
      if (submitted.error) return
      const result = await stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } })
      if (result.error) {
        const reason = declineReason(result.error.decline_code ?? result.error.code, result.error.message)
        setFailure(`Payment failed: ${reason}`)
      }
      // The direct check: settle from Stripe's own answer even if no webhook ever reaches this till.
      onSettled(await api.invoke('payments:sync', { orderId: checkout.orderId }))
    } catch (error) {
      setFailure(`The payment could not be confirmed: ${sentence((error as Error).message)} Check the order's status before trying again.`)
    } finally {
      setBusy(false)
      onBusy(false)
    }
  }

  return (
    <div className="stack">
      <PaymentElement onChange={(event) => setComplete(event.complete)} />
      {failure && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
      <Button variant="primary" size="lg" busy={busy} disabled={!stripe || !elements || !complete} onClick={() => void pay()}>
        Pay <Money amount={checkout.amount} currency={checkout.currency} />
      </Button>
    </div>
  )
}

/** Ends a message with a full stop, so the next sentence does not run into it. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)
