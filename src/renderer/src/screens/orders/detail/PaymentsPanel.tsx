import type { OrderDetail, Payment } from '@shared/domain'
import { declineReason } from '@shared/decline-reasons'
import { refundableLeft } from '@shared/insight'
import { Badge } from '../../../ui/Badge'
import { Button } from '../../../ui/Button'
import { Money } from '../../../ui/Money'
import { EmptyState, Panel } from '../../../ui/Panel'
import { CopyableId } from './CopyButton'
import { formatShortDateTime, humanize, METHOD_LABEL, moneyStatusTone } from './format'

/** Each payment with its Stripe PaymentIntent (on a line of its own, to copy) and why it failed if it did. */
export function PaymentsPanel({ order, onRefund }: { order: OrderDetail; onRefund: (payment: Payment) => void }) {
  return (
    <Panel title="Payments" labelledBy="order-payments-title">
      {order.payments.length === 0 ? (
        <EmptyState title="No payment yet">Take cash or a card on the Sell screen.</EmptyState>
      ) : (
        <table className="table table-grouped" aria-labelledby="order-payments-title">
          <thead>
            <tr>
              <th>Method</th>
              <th className="num">Amount</th>
              <th className="num">Received</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          {order.payments.map((payment) => {
            const left = refundableLeft(payment, order.refunds)
            const failure = payment.status === 'failed' ? declineReason(payment.failureCode, payment.failureMessage) : null
            return (
              <tbody key={payment.id}>
                <tr>
                  <td>
                    {METHOD_LABEL[payment.method]}
                    <div className="muted small">{formatShortDateTime(payment.createdAt)}</div>
                  </td>
                  <td className="num">
                    <Money amount={payment.amount} currency={payment.currency} />
                    {payment.tenderedAmount !== null && payment.tenderedAmount > payment.amount && (
                      <div className="muted small">
                        tendered <Money amount={payment.tenderedAmount} currency={payment.currency} />
                      </div>
                    )}
                  </td>
                  <td className="num">
                    <Money amount={payment.amountReceived} currency={payment.currency} />
                  </td>
                  <td>
                    <Badge tone={moneyStatusTone(payment.status)}>{humanize(payment.status)}</Badge>
                  </td>
                  <td className="num">
                    {left > 0 && (
                      <Button size="sm" onClick={() => onRefund(payment)} aria-label={`Refund ${METHOD_LABEL[payment.method].toLowerCase()} payment ${payment.id}`}>
                        Refund
                      </Button>
                    )}
                  </td>
                </tr>
                {(payment.stripePaymentIntentId || failure) && (
                  <tr className="table-subrow">
                    <td colSpan={5}>
                      {payment.stripePaymentIntentId && (
                        <span className="subrow-item">
                          <span className="muted small">PaymentIntent</span> <CopyableId value={payment.stripePaymentIntentId} label="PaymentIntent id" />
                        </span>
                      )}
                      {failure && <span className="subrow-item payment-failure small">{failure}</span>}
                    </td>
                  </tr>
                )}
              </tbody>
            )
          })}
        </table>
      )}
    </Panel>
  )
}
