import type { OrderDetail, OrderItem } from '@shared/domain'
import { isPaid } from '@shared/order-rules'
import { Button } from '../../../ui/Button'
import { Money } from '../../../ui/Money'
import { Panel } from '../../../ui/Panel'
import { formatShortDateTime } from './format'
import type { RevokeTarget } from './RevokeDialog'

/** The courses sold, their price as sold, and whether this order gives the customer access to each. */
export function ItemsPanel({ order, onRevoke, onRefundLine }: { order: OrderDetail; onRevoke: (target: RevokeTarget) => void; onRefundLine: (item: OrderItem) => void }) {
  const granted = new Map(order.ownership.map((o) => [o.courseId, o]))
  const elsewhere = new Map(order.ownedElsewhere.map((o) => [o.courseId, o.orderId]))
  const refundable = isPaid(order.status) && order.status !== 'refunded'
  return (
    <Panel title="Courses" labelledBy="order-items-title">
      <table className="table" aria-labelledby="order-items-title">
        <thead>
          <tr>
            <th>Course</th>
            <th className="num">Price</th>
            <th>Access</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => {
            const grant = granted.get(item.courseId)
            return (
              <tr key={item.courseId}>
                <td>{item.title}</td>
                <td className="num">
                  <Money amount={item.unitAmount} currency={order.currency} />
                </td>
                <td>{grant ? <span className="access-granted">Granted {formatShortDateTime(grant.grantedAt)}</span> : <span className="muted">{accessWithout(order, item.courseId, elsewhere.get(item.courseId))}</span>}</td>
                <td className="num row-actions">
                  {refundable && !order.refundedLines.includes(item.courseId) && (
                    <Button size="sm" variant="ghost" onClick={() => onRefundLine(item)} aria-label={`Refund ${item.title}`}>
                      Refund
                    </Button>
                  )}
                  {grant && (
                    <Button size="sm" variant="ghost" onClick={() => onRevoke({ courseId: item.courseId, title: item.title })} aria-label={`Revoke ${item.title}`}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr className="table-total">
            <td>Total</td>
            <td className="num">
              <Money amount={order.amount} currency={order.currency} />
            </td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </Panel>
  )
}

/** Why this order gives no access to a course, in words a manager can act on. */
function accessWithout(order: OrderDetail, courseId: number, ownedThrough: number | undefined): string {
  if (order.refundedLines.includes(courseId) || order.status === 'refunded') return 'Revoked (refunded)'
  if (ownedThrough !== undefined) return `Owned through order #${ownedThrough}`
  if (isPaid(order.status)) return 'Revoked'
  return order.status === 'canceled' ? 'Not granted (canceled)' : 'Not granted until paid'
}
