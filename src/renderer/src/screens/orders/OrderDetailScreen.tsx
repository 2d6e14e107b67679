import { useState } from 'react'
import type { OrderItem, Payment } from '@shared/domain'
import { useAppInfo } from '../../app/context'
import { Button } from '../../ui/Button'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { Receipt } from '../checkout/Receipt'
import { EventTimeline } from './detail/EventTimeline'
import { ItemsPanel } from './detail/ItemsPanel'
import { LineRefundDialog } from './detail/LineRefundDialog'
import { OrderHeader } from './detail/OrderHeader'
import { PaymentsPanel } from './detail/PaymentsPanel'
import { RefundDialog } from './detail/RefundDialog'
import { RefundSlip } from './detail/RefundSlip'
import { RefundsPanel } from './detail/RefundsPanel'
import { RevokeDialog, type RevokeTarget } from './detail/RevokeDialog'
import { useOrderData } from './detail/useOrderData'

/** One order: its money, its courses and their access, its history; refunds and revoking for a manager. */
export function OrderDetailScreen({ orderId }: { orderId: number }) {
  const info = useAppInfo()
  const { order, timeline, error, reload, replace } = useOrderData(orderId)
  const [refunding, setRefunding] = useState<Payment | null>(null)
  const [revoking, setRevoking] = useState<RevokeTarget | null>(null)
  const [receipt, setReceipt] = useState(false)
  const [refundingLine, setRefundingLine] = useState<OrderItem | null>(null)

  if (error && !order) {
    return (
      <Panel title={`Order #${orderId}`}>
        <EmptyState title="This order could not be opened">
          {error}. <a href="#/orders">Back to all orders</a>
        </EmptyState>
      </Panel>
    )
  }
  if (!order || !info) return <Loading label="Opening the order…" />

  if (receipt) {
    return (
      <Panel className="order-receipt">
        <Receipt info={info} order={order} />
        <RefundSlip order={order} />
        <div className="row end no-print order-receipt-actions">
          <Button onClick={() => window.print()}>Print or save as PDF</Button>
          <Button variant="primary" onClick={() => setReceipt(false)}>
            Back to the order
          </Button>
        </div>
      </Panel>
    )
  }

  const hasPaid = order.payments.some((p) => p.status === 'succeeded')
  return (
    <div className="order-detail">
      <OrderHeader order={order} reviewReason={timeline?.reviewReason ?? null} onReceipt={hasPaid ? () => setReceipt(true) : null} />
      <div className="order-detail-grid">
        <div className="stack">
          <ItemsPanel order={order} onRevoke={setRevoking} onRefundLine={setRefundingLine} />
          <PaymentsPanel order={order} onRefund={setRefunding} />
          <RefundsPanel order={order} />
        </div>
        <EventTimeline order={order} timeline={timeline} />
      </div>
      <RefundDialog order={order} payment={refunding} onRefunded={replace} onClose={() => setRefunding(null)} onStale={reload} />
      <LineRefundDialog order={order} item={refundingLine} onRefunded={replace} onClose={() => setRefundingLine(null)} onStale={reload} />
      <RevokeDialog order={order} target={revoking} onRevoked={replace} onClose={() => setRevoking(null)} onStale={reload} />
    </div>
  )
}
