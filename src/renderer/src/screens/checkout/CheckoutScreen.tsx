import { useCallback, useEffect, useState } from 'react'
import type { OrderDetail } from '@shared/domain'
import { isPaid } from '@shared/order-rules'
import { api } from '../../api/transport'
import { useAppInfo } from '../../app/context'
import { useLiveEvents } from '../../app/hooks'
import { navigate } from '../../app/route'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { OrderStatusBadge } from '../../ui/OrderStatusBadge'
import { Loading, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { CardPayment } from './CardPayment'
import { CashPart } from './CashPart'
import { Receipt } from './Receipt'
import { StatusTimeline } from './StatusTimeline'
import { TestCards } from './TestCards'

/** Checkout for one order: cash and/or card, a live status timeline, then the receipt. */
export function CheckoutScreen({ orderId }: { orderId: number }) {
  const info = useAppInfo()
  const toasts = useToasts()
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [confirming, setConfirming] = useState(false)

  const reload = useCallback(() => {
    api.invoke('orders:get', { orderId }).then(setOrder, (error: Error) => toasts.error('The order could not be loaded', error.message))
  }, [orderId, toasts])
  useEffect(reload, [reload])
  // The webhook or the direct check settles the order in the main process; this screen just listens.
  useLiveEvents((event) => {
    if ((event.type === 'order.changed' || event.type === 'payment.changed') && event.orderId === orderId) reload()
  })

  if (!order || !info) return <Loading label="Opening the order…" />
  const paid = isPaid(order.status)
  const cardInFlight = order.payments.some((p) => p.method === 'card' && (p.status === 'requires_action' || p.status === 'processing'))

  return (
    <div className="checkout">
      <div className="checkout-side stack">
        <Panel title={`Order #${order.id}`} labelledBy="checkout-order-title" actions={<OrderStatusBadge status={order.status} />}>
          <div className="stack">
            <div className="muted">
              {order.accountName} · {order.accountEmail}
            </div>
            <ul className="cart-lines" aria-label="Items">
              {order.items.map((item) => (
                <li key={item.courseId} className="cart-line">
                  <span className="grow">{item.title}</span>
                  <Money amount={item.unitAmount} currency={order.currency} />
                </li>
              ))}
            </ul>
            <div className="cart-total">
              <span>Total</span>
              <Money amount={order.amount} currency={order.currency} />
            </div>
            {!paid && order.status !== 'canceled' && (
              <div className="due" aria-label="Amount due">
                Due now <Money amount={order.amountDue} currency={order.currency} />
              </div>
            )}
          </div>
        </Panel>
        <Panel title="Status" labelledBy="checkout-status-title">
          <StatusTimeline order={order} confirming={confirming} />
        </Panel>
      </div>
      <div className="checkout-main stack">
        {paid ? (
          <Panel>
            <Receipt
              info={info}
              order={order}
              actions={
                <Button variant="primary" onClick={() => navigate('sell')}>
                  New sale
                </Button>
              }
            />
          </Panel>
        ) : order.status === 'canceled' ? (
          <Panel title="This order was canceled">
            <Button variant="primary" onClick={() => navigate('sell')}>
              New sale
            </Button>
          </Panel>
        ) : (
          <>
            <Panel title="Cash" labelledBy="checkout-cash-title">
              <CashPart order={order} onChanged={setOrder} disabled={confirming || cardInFlight} />
            </Panel>
            <Panel title="Card" labelledBy="checkout-card-title" className="checkout-card">
              <CardPayment info={info} order={order} onSettled={setOrder} onBusy={setConfirming} />
              {info.mode === 'sandbox' && <TestCards />}
            </Panel>
            <div className="row end">
              <Button
                variant="ghost"
                disabled={confirming || cardInFlight || order.payments.some((p) => p.status === 'succeeded')}
                onClick={() =>
                  api.invoke('orders:cancel', { orderId: order.id }).then(setOrder, (error: Error) => toasts.error('The order could not be canceled', error.message))
                }
              >
                Cancel order
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  )
}
