import type { OrderDetail } from '@shared/domain'
import { Button } from '../../../ui/Button'
import { Money } from '../../../ui/Money'
import { Panel } from '../../../ui/Panel'
import { formatShortDateTime } from './format'
import type { RevokeTarget } from './RevokeDialog'

/** The courses sold, their price as sold, and whether this order gives the customer access to each. */
export function ItemsPanel({ order, onRevoke }: { order: OrderDetail; onRevoke: (target: RevokeTarget) => void }) {
  const granted = new Map(order.ownership.map((o) => [o.courseId, o]))
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
                <td>{grant ? <span className="access-granted">Granted {formatShortDateTime(grant.grantedAt)}</span> : <span className="muted">Not granted</span>}</td>
                <td className="num">
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
