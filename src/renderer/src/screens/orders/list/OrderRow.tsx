import type { CSSProperties } from 'react'
import type { OrderListRow } from '@shared/history'
import { orderStatusLabel } from '@shared/order-rules'
import { formatDate, formatTime } from '../../../app/shop-format'
import { Money } from '../../../ui/Money'
import { OrderStatusBadge } from '../../../ui/OrderStatusBadge'
import { METHOD_LABEL } from '../detail/format'
import { shopOrderHref, tillName } from '../shop/shop-order-href'

const KIND_LABEL = { sale: null, membership: 'Membership', renewal: 'Renewal', installment: 'Payment plan' } as const

/** Where an order opens: this till's own detail, or another till's read-only copy (shop mode). */
export function orderHref(row: Pick<OrderListRow, 'id' | 'till'>): string {
  return row.till ? shopOrderHref(row.till, row.id) : `#/orders/${row.id}`
}

/** One order in the grid; positioned by the grid (translateY) so only rows in view exist in the page. */
export function OrderRow({ row, index, active, style, onOpen, onFocusRow }: { row: OrderListRow; index: number; active: boolean; style: CSSProperties; onOpen: (row: OrderListRow) => void; onFocusRow: (index: number) => void }) {
  const more = row.itemCount - row.firstTitles.length
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={active ? 0 : -1}
      className={['orders-row', index % 2 ? 'odd' : ''].join(' ')}
      style={style}
      aria-label={`Order ${row.id}${row.till ? ` at ${tillName(row.till)}` : ''}, ${row.customerName}, ${orderStatusLabel(row.status)}`}
      onClick={() => onOpen(row)}
      onFocus={() => onFocusRow(index)}
    >
      <div role="gridcell" className="orders-cell orders-id">
        <a href={orderHref(row)} tabIndex={-1} onClick={(event) => event.stopPropagation()}>
          #{row.id}
        </a>
        {row.till && (
          <span className="orders-sub orders-till-mark" title={row.till}>
            {tillName(row.till)}
          </span>
        )}
      </div>
      <div role="gridcell" className="orders-cell orders-when">
        <span>{formatDate(row.createdAt)}</span>
        <span className="orders-sub">{formatTime(row.createdAt)}</span>
      </div>
      <div role="gridcell" className="orders-cell orders-customer">
        <span className="orders-name">{row.customerName}</span>
        <span className="orders-sub">{row.customerEmail}</span>
      </div>
      <div role="gridcell" className="orders-cell orders-items">
        <span className="orders-titles">
          {KIND_LABEL[row.kind] && <span className="orders-kind">{KIND_LABEL[row.kind]} </span>}
          {row.firstTitles.join(', ')}
        </span>
        <span className="orders-sub">
          {row.itemCount} {row.itemCount === 1 ? 'course' : 'courses'}
          {more > 0 ? ` (+${more} more)` : ''}
        </span>
      </div>
      <div role="gridcell" className="orders-cell orders-money">
        <Money amount={row.amount} currency={row.currency} />
        {row.refunded > 0 && (
          <span className="orders-sub orders-refunded">
            −<Money amount={row.refunded} currency={row.currency} /> refunded
          </span>
        )}
      </div>
      <div role="gridcell" className="orders-cell orders-method">
        {row.methods.length ? row.methods.map((m) => METHOD_LABEL[m]).join(' + ') : <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="orders-cell orders-status">
        <OrderStatusBadge status={row.status} />
      </div>
    </div>
  )
}
