import type { OrderDetail } from '@shared/domain'
import { Money } from '../../../ui/Money'
import { formatDateTime, METHOD_LABEL } from './format'

/** Printed under a reprinted receipt: what was given back, so the paper matches the order. */
export function RefundSlip({ order }: { order: OrderDetail }) {
  const refunds = order.refunds.filter((r) => r.status === 'succeeded')
  if (refunds.length === 0) return null
  const methods = new Map(order.payments.map((p) => [p.id, p.method]))
  const total = refunds.reduce((sum, r) => sum + r.amount, 0)
  return (
    <section className="refund-slip" aria-label="Refunds on this order">
      <h3>Refunded</h3>
      <table className="table">
        <tbody>
          {refunds.map((refund) => (
            <tr key={refund.id}>
              <td>
                {formatDateTime(refund.createdAt)} · to {METHOD_LABEL[methods.get(refund.paymentId) ?? 'card'].toLowerCase()}
              </td>
              <td className="num">
                −<Money amount={refund.amount} currency={refund.currency} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="table-total">
            <td>Kept</td>
            <td className="num">
              <Money amount={order.payments.reduce((sum, p) => (p.status === 'succeeded' ? sum + p.amountReceived : sum), 0) - total} currency={order.currency} />
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  )
}
