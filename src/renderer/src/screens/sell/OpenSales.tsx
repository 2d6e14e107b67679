import { OPEN_STATUSES } from '@shared/order-rules'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { navigate } from '../../app/route'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { Panel } from '../../ui/Panel'
import type { ParkedSale } from './sale-draft'

const RECENT_MS = 2 * 24 * 60 * 60 * 1000

/**
 * What the counter left unfinished: orders still waiting for payment (a closed tab, a reload during 3-D Secure)
 * with a way back into their checkout, and sales parked to serve someone else first.
 */
export function OpenSales({ parked, onResume, onDiscard }: { parked: ParkedSale[]; onResume: (sale: ParkedSale) => void; onDiscard: (sale: ParkedSale) => void }) {
  // Rounded to the minute so the query input (and its cache key) does not change on every render.
  const since = Math.floor((Date.now() - RECENT_MS) / 60_000) * 60_000
  const [open, reload] = useQuery('orders:list', { filters: { statuses: [...OPEN_STATUSES], from: since }, limit: 5 })
  useLiveEvents((event) => event.type === 'order.changed' && reload())
  const orders = open.state === 'ready' ? open.data.rows : []
  if (orders.length === 0 && parked.length === 0) return null
  return (
    <Panel title="Unfinished" labelledBy="open-sales-title" className="open-sales">
      <ul className="open-sales-list">
        {orders.map((order) => (
          <li key={`order-${order.id}`} className="open-sale">
            <span className="grow">
              Order #{order.id} · {order.customerName} · <Money amount={order.amount - order.paid} currency={order.currency} /> due
            </span>
            <Button size="sm" onClick={() => navigate('sell', 'order', order.id)} aria-label={`Resume checkout of order ${order.id}`}>
              Resume checkout
            </Button>
          </li>
        ))}
        {parked.map((sale) => (
          <li key={sale.id} className="open-sale">
            <span className="grow">
              Parked · {sale.customer?.name ?? 'no customer'} · {sale.cart.map((c) => c.title).join(', ')}
            </span>
            <Button size="sm" onClick={() => onResume(sale)}>
              Resume
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onDiscard(sale)} aria-label={`Discard the parked sale for ${sale.customer?.name ?? 'no customer'}`}>
              Discard
            </Button>
          </li>
        ))}
      </ul>
    </Panel>
  )
}
