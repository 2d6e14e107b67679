import type { OrderDetail } from '@shared/domain'
import { Badge } from '../../../ui/Badge'
import { Money } from '../../../ui/Money'
import { Panel } from '../../../ui/Panel'
import { CopyableId } from './CopyButton'
import { formatShortDateTime, humanize, METHOD_LABEL, moneyStatusTone, REFUND_REASON_LABEL } from './format'

const ASKED_BY: Record<string, string> = { manager: 'Manager', staff: 'Staff', stripe: 'Stripe dashboard' }

/** Every refund of the order's payments, with who asked and Stripe's id to look it up. */
export function RefundsPanel({ order }: { order: OrderDetail }) {
  if (order.refunds.length === 0) return null
  const methods = new Map(order.payments.map((p) => [p.id, p.method]))
  return (
    <Panel title="Refunds" labelledBy="order-refunds-title">
      <table className="table table-grouped" aria-labelledby="order-refunds-title">
        <thead>
          <tr>
            <th className="num">Amount</th>
            <th>Status</th>
            <th>Reason</th>
            <th>Asked by</th>
          </tr>
        </thead>
        {order.refunds.map((refund) => {
          const method = methods.get(refund.paymentId)
          return (
            <tbody key={refund.id}>
              <tr>
                <td className="num">
                  <Money amount={refund.amount} currency={refund.currency} />
                  {method && <div className="muted small">to {METHOD_LABEL[method].toLowerCase()}</div>}
                </td>
                <td>
                  <Badge tone={moneyStatusTone(refund.status)}>{humanize(refund.status)}</Badge>
                </td>
                <td>
                  {REFUND_REASON_LABEL[refund.reason]}
                  {refund.note && <div className="muted small refund-note">{refund.note}</div>}
                </td>
                <td>
                  {ASKED_BY[refund.requestedBy] ?? refund.requestedBy}
                  <div className="muted small">{formatShortDateTime(refund.createdAt)}</div>
                </td>
              </tr>
              {refund.stripeRefundId && (
                <tr className="table-subrow">
                  <td colSpan={4}>
                    <span className="subrow-item">
                      <span className="muted small">Stripe refund</span> <CopyableId value={refund.stripeRefundId} label="refund id" />
                    </span>
                  </td>
                </tr>
              )}
            </tbody>
          )
        })}
      </table>
    </Panel>
  )
}
