import { useEffect, useState } from 'react'
import type { OrderDetail } from '@shared/domain'
import { declineReason } from '@shared/decline-reasons'
import type { PayLink, PayLinkView } from '@shared/pay-links'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { SelectField } from '../../ui/Field'
import { Money } from '../../ui/Money'
import { useToasts } from '../../ui/toasts'
import { useCountdown } from './usePayLinks'

const LIFETIMES = [
  { minutes: 60, label: '1 hour' },
  { minutes: 24 * 60, label: '24 hours' },
]

/**
 * Pay on phone / send link: a Stripe Checkout page for what the order still owes, as a QR code to scan at the
 * counter or a link to send. The main process settles it like a card payment; this panel only shows it.
 */
export function PayLinkPanel({ order, links, disabled }: { order: OrderDetail; links: PayLink[]; disabled: boolean }) {
  const open = links.find((link) => link.status === 'open')
  const [view, setView] = useState<PayLinkView | null>(null)
  const [lifetime, setLifetime] = useState(LIFETIMES[0]!.minutes)
  const [busy, setBusy] = useState<'open' | 'check' | 'withdraw' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const toasts = useToasts()
  const countdown = useCountdown(view?.expiresAt ?? null)

  // An open link for what is owed (another window made it, or the page was reloaded): show it again.
  const reusable = open && open.amount === order.amountDue ? open.id : null
  useEffect(() => {
    if (reusable === null) return setView(null)
    let current = true
    api.invoke('payLinks:open', { orderId: order.id }).then((opened) => current && setView(opened), () => undefined)
    return () => {
      current = false
    }
  }, [reusable, order.id])

  async function run(kind: 'open' | 'check' | 'withdraw') {
    setBusy(kind)
    setError(null)
    try {
      if (kind === 'open') setView(await api.invoke('payLinks:open', { orderId: order.id, lifetimeMinutes: lifetime }))
      if (kind === 'check') await api.invoke('payLinks:sync', { orderId: order.id })
      if (kind === 'withdraw') await api.invoke('payLinks:expire', { orderId: order.id })
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(null)
    }
  }

  const shown = view && open && view.id === open.id ? view : null
  const expired = links.length > 0 && !open && links[links.length - 1]!.status === 'expired'
  if (!shown) {
    return (
      <div className="stack">
        <p className="muted">The customer pays <Money amount={order.amountDue} currency={order.currency} /> on their own phone: a QR code to scan here (1 hour is plenty), or a link to send (give it 24 hours).</p>
        {expired && <p className="pay-link-note">The last link expired unpaid. Make a new one if the customer still wants to pay this way.</p>}
        <div className="row pay-link-start">
          <SelectField label="Link valid for" value={lifetime} onChange={(event) => setLifetime(Number(event.target.value))}>
            {LIFETIMES.map((option) => (
              <option key={option.minutes} value={option.minutes}>
                {option.label}
              </option>
            ))}
          </SelectField>
          <Button busy={busy === 'open'} disabled={disabled} onClick={() => void run('open')}>
            Show QR code and link
          </Button>
        </div>
        {error && <p className="inline-error" role="alert">{error}</p>}
      </div>
    )
  }
  const copy = () => navigator.clipboard.writeText(shown.url!).then(() => toasts.success('Link copied'), () => toasts.error('Could not copy', 'Select the link and copy it by hand.'))
  return (
    <div className="pay-link">
      <img className="pay-link-qr" src={shown.qrDataUrl!} alt={`QR code: pay order ${order.id} on a phone`} width={196} height={196} />
      <div className="stack grow">
        <div className="pay-link-amount">
          Pay <Money amount={shown.amount} currency={shown.currency} /> on a phone
        </div>
        <div className="pay-link-url">
          <input className="input mono" readOnly value={shown.url!} aria-label="Payment link" onFocus={(event) => event.target.select()} />
          <Button size="sm" onClick={() => void copy()}>Copy link</Button>
        </div>
        <p className="muted" role="timer" aria-live="off">
          {countdown ? <>Expires in <strong>{countdown}</strong></> : 'Expiring now…'}
        </p>
        {shown.lastFailure && (
          <p className="inline-error" role="status">
            Declined on the phone — {declineReason(shown.lastFailure, null)}.
          </p>
        )}
        {error && <p className="inline-error" role="alert">{error}</p>}
        <div className="row">
          <Button busy={busy === 'check'} onClick={() => void run('check')} title="The customer says they paid: ask Stripe now instead of waiting for its message">Check if paid</Button>
          <Button variant="ghost" busy={busy === 'withdraw'} onClick={() => void run('withdraw')}>Withdraw link</Button>
        </div>
      </div>
    </div>
  )
}
