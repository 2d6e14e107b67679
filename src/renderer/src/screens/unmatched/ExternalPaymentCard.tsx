import type { ExternalPayment } from '@shared/external-payments'
import { formatDateTime } from '../../app/shop-format'
import { navigate } from '../../app/route'
import { Badge } from '../../ui/Badge'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { Panel } from '../../ui/Panel'
import { PlaceExternalForm } from './PlaceExternalForm'

/** One payment taken in Stripe: what was paid, by whom, why it waits, and (when waiting) how to place it. */
export function ExternalPaymentCard({ payment, onChanged }: { payment: ExternalPayment; onChanged: () => void }) {
  const titleId = `external-${payment.id}-title`
  return (
    <Panel
      labelledBy={titleId}
      title={
        <>
          <Money amount={payment.amount} currency={payment.currency} /> from {payment.email ?? 'an unknown payer'}
        </>
      }
      actions={<Badge tone={payment.status === 'unmatched' ? 'warning' : payment.status === 'recorded' ? 'success' : 'neutral'}>{payment.status === 'unmatched' ? 'Waiting' : payment.status === 'recorded' ? 'Recorded' : 'Dismissed'}</Badge>}
    >
      <div className="stack">
        <div className="muted">
          Paid {formatDateTime(payment.paidAt)} · {payment.source === 'invoice' ? 'Invoice' : 'Checkout'} <code className="mono">{payment.stripeObjectId}</code>
        </div>
        {payment.reason && <p className={payment.status === 'unmatched' ? 'inline-error' : 'muted'}>{payment.reason}</p>}
        <ul className="cart-lines" aria-label="What was paid for">
          {payment.lines.map((line, index) => (
            <li key={index} className="cart-line">
              <span className="grow">
                {line.description}
                {line.quantity > 1 ? ` × ${line.quantity}` : ''}
              </span>
              <Money amount={line.amount} currency={payment.currency} />
            </li>
          ))}
        </ul>
        {payment.status === 'unmatched' && <PlaceExternalForm payment={payment} onChanged={onChanged} />}
        {payment.orderId !== null && (
          <div>
            <Button size="sm" onClick={() => navigate('orders', payment.orderId!)}>
              Open order #{payment.orderId}
            </Button>
          </div>
        )}
        {payment.dismissReason && <p className="muted">Dismissed: {payment.dismissReason}</p>}
        <details>
          <summary>History ({payment.log.length})</summary>
          <ol className="external-log">
            {payment.log.map((entry, index) => (
              <li key={index}>
                {formatDateTime(entry.at)} — {entry.action.replace(/_/g, ' ')} by {entry.actor}
              </li>
            ))}
          </ol>
        </details>
      </div>
    </Panel>
  )
}
