import type { ShopOrderDetail } from '@shared/contract/shop'
import { Badge } from '../../../ui/Badge'
import { Money } from '../../../ui/Money'
import { EmptyState, Panel } from '../../../ui/Panel'
import { CopyableId } from '../detail/CopyButton'
import { humanize, METHOD_LABEL, moneyStatusTone } from '../detail/format'

// Payment and refund statuses as the selling till recorded them; an unknown one (a newer till) shows neutral.

/** The lines as sold at that till (the price then, whatever the catalog says now). */
export function ShopItemsPanel({ order }: { order: ShopOrderDetail }) {
  return (
    <Panel title="Courses" labelledBy="shop-order-items-title">
      {order.items.length === 0 ? (
        <EmptyState title="No lines held here yet">They arrive with the next shop sync.</EmptyState>
      ) : (
        <table className="table" aria-labelledby="shop-order-items-title">
          <thead>
            <tr>
              <th>Course</th>
              <th className="num">Price</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.itemId}>
                <td>
                  {item.title}
                  <div className="muted small mono">{item.courseCode}</div>
                </td>
                <td className="num">
                  <Money amount={item.unitAmount} currency={order.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  )
}

export function ShopPaymentsPanel({ order }: { order: ShopOrderDetail }) {
  return (
    <Panel title="Payments" labelledBy="shop-order-payments-title">
      {order.payments.length === 0 ? (
        <EmptyState title="No payment at that till yet" />
      ) : (
        <table className="table table-grouped" aria-labelledby="shop-order-payments-title">
          <thead>
            <tr>
              <th>Method</th>
              <th className="num">Received</th>
              <th>Status</th>
            </tr>
          </thead>
          {order.payments.map((payment) => (
            <tbody key={payment.paymentId}>
              <tr>
                <td>{METHOD_LABEL[payment.method] ?? humanize(payment.method)}</td>
                <td className="num">
                  <Money amount={payment.amountReceived} currency={payment.currency} />
                </td>
                <td>
                  <Badge tone={moneyStatusTone(payment.status)}>{humanize(payment.status)}</Badge>
                </td>
              </tr>
              {payment.stripePaymentIntentId && (
                <tr className="table-subrow">
                  <td colSpan={3}>
                    <span className="subrow-item">
                      <span className="muted small">PaymentIntent</span> <CopyableId value={payment.stripePaymentIntentId} label="PaymentIntent id" />
                    </span>
                  </td>
                </tr>
              )}
            </tbody>
          ))}
        </table>
      )}
    </Panel>
  )
}

export function ShopRefundsPanel({ order }: { order: ShopOrderDetail }) {
  if (order.refunds.length === 0) return null
  const methods = new Map(order.payments.map((p) => [p.paymentId, p.method]))
  return (
    <Panel title="Refunds" labelledBy="shop-order-refunds-title">
      <table className="table" aria-labelledby="shop-order-refunds-title">
        <thead>
          <tr>
            <th className="num">Amount</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {order.refunds.map((refund) => {
            const method = methods.get(refund.paymentId)
            return (
              <tr key={refund.refundId}>
                <td className="num">
                  <Money amount={refund.amount} currency={refund.currency} />
                  {method && <div className="muted small">to {METHOD_LABEL[method].toLowerCase()}</div>}
                </td>
                <td>
                  <Badge tone={moneyStatusTone(refund.status)}>{humanize(refund.status)}</Badge>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </Panel>
  )
}
