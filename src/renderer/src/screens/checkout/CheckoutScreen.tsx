import { useCallback, useEffect, useRef, useState } from 'react'
import type { OrderDetail } from '@shared/domain'
import { formatMoney } from '@shared/money'
import { isPaid } from '@shared/order-rules'
import { api } from '../../api/transport'
import { useAppInfo } from '../../app/context'
import { useLiveEvents, useReconnect } from '../../app/hooks'
import { navigate } from '../../app/route'
import { Button } from '../../ui/Button'
import { Money } from '../../ui/Money'
import { OrderStatusBadge } from '../../ui/OrderStatusBadge'
import { Loading, Panel } from '../../ui/Panel'
import { CardPayment } from './CardPayment'
import { CashPart } from './CashPart'
import { InterruptedCard } from './InterruptedCard'
import { Receipt } from './Receipt'
import { StatusTimeline } from './StatusTimeline'
import { TestCards } from './TestCards'
import { DiscountDialog, DiscountLines } from './DiscountDialog'
import { OrderKindBadge } from '../recurring/OrderKindBadge'
import { CreditPart } from '../credit/CreditPart'
import { PayLinkPanel } from './PayLinkPanel'
import { usePayLinks } from './usePayLinks'

/** Checkout for one order: cash and/or card, a live status timeline, then the receipt. */
export function CheckoutScreen({ orderId }: { orderId: number }) {
  const info = useAppInfo()
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [discounting, setDiscounting] = useState(false)
  const checkedOnOpen = useRef(false)
  const [links] = usePayLinks(orderId)

  const show = useCallback((next: OrderDetail) => {
    setOrder(next)
    setError(null)
  }, [])
  const reload = useCallback(() => {
    api.invoke('orders:get', { orderId }).then(show, (failure: Error) => setError(`The order could not be loaded: ${failure.message}`))
  }, [orderId, show])
  useEffect(reload, [reload])
  useReconnect(reload)
  // The webhook or the direct check settles the order in the main process; this screen just listens.
  useLiveEvents((event) => {
    if ((event.type === 'order.changed' || event.type === 'payment.changed') && event.orderId === orderId) reload()
  })
  // Reopened mid-payment (a reload during 3-D Secure, another tab): ask Stripe once where the card attempt stands.
  useEffect(() => {
    if (!order || checkedOnOpen.current) return
    checkedOnOpen.current = true
    if (order.payments.some((p) => p.status === 'requires_action' || p.status === 'processing')) {
      api.invoke('payments:sync', { orderId }).then(show, () => undefined)
    }
  }, [order, orderId, show])

  if (!order || !info) {
    return error ? (
      <Panel title="Checkout" labelledBy="checkout-error-title">
        <p role="alert" className="error">
          {error}
        </p>
        <Button onClick={reload}>Try again</Button>
      </Panel>
    ) : (
      <Loading label="Opening the order…" />
    )
  }
  const paid = isPaid(order.status)
  // Discounts go on and come off only before any money is taken (the main process holds the same rule).
  const discountsOpen = order.status === 'pending' && order.kind === 'sale' && !order.payments.some((p) => p.status === 'succeeded' || p.status === 'processing' || p.status === 'requires_action')
  const awaitingAuth = order.payments.some((p) => p.method === 'card' && p.status === 'requires_action')
  // Cash already taken goes back to the customer if the order is canceled.
  const cashTaken = order.payments.filter((p) => p.method === 'cash' && p.status === 'succeeded').reduce((sum, p) => sum + p.amountReceived, 0)
  const cardInFlight = order.payments.some((p) => p.method === 'card' && (p.status === 'requires_action' || p.status === 'processing'))
  // This page did not start the 3-D Secure step it sees, so nobody is completing it here: offer a way out.
  const interrupted = awaitingAuth && !confirming

  async function cancel() {
    try {
      show(await api.invoke('orders:cancel', { orderId }))
    } catch (failure) {
      setError(`The order could not be canceled: ${(failure as Error).message}`)
    }
  }

  const linkOpen = links.some((link) => link.status === 'open')
  const linkPanel = order.kind !== 'membership' && (
    <Panel title="Pay on phone or by link" labelledBy="checkout-link-title">
      <PayLinkPanel order={order} links={links} disabled={confirming || cardInFlight} />
    </Panel>
  )
  return (
    <div className="checkout">
      <div className="checkout-side stack">
        <Panel title={`Order #${order.id}`} labelledBy="checkout-order-title" actions={<><OrderKindBadge kind={order.kind} /><OrderStatusBadge status={order.status} /></>}>
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
              <DiscountLines order={order} onRemove={discountsOpen ? (discountId) => api.invoke('orders:removeDiscount', { orderId, discountId }).then(show) : undefined} />
            </ul>
            {discountsOpen && (
              <div className="row end">
                <Button size="sm" onClick={() => setDiscounting(true)}>
                  Add discount
                </Button>
                <DiscountDialog order={order} open={discounting} close={() => setDiscounting(false)} applied={show} />
              </div>
            )}
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
          <StatusTimeline order={order} confirming={confirming} interrupted={interrupted} links={links} />
        </Panel>
      </div>
      <div className="checkout-main stack">
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
        {paid ? (
          <Panel>
            <Receipt
              info={info}
              order={order}
              actions={
                <Button variant="primary" autoFocus onClick={() => navigate('sell')}>
                  New sale
                </Button>
              }
            />
          </Panel>
        ) : order.status === 'canceled' ? (
          <Panel title="This order was canceled" labelledBy="checkout-canceled-title">
            <Button variant="primary" autoFocus onClick={() => navigate('sell')}>
              New sale
            </Button>
          </Panel>
        ) : (
          <>
            {interrupted && <InterruptedCard orderId={order.id} onChanged={show} />}
            {order.kind !== 'membership' && order.kind !== 'renewal' && <CreditPart order={order} onChanged={show} disabled={confirming || cardInFlight} />}
            {order.kind !== 'membership' && (
              <Panel title="Cash" labelledBy="checkout-cash-title">
                <CashPart order={order} onChanged={show} disabled={confirming || cardInFlight} autoFocus={!cardInFlight} />
              </Panel>
            )}
            {/* The tender being used comes first: the card (most sales), unless a phone link is open and awaited. */}
            {linkOpen && linkPanel}
            <Panel title="Card" labelledBy="checkout-card-title" className="checkout-card">
              <CardPayment info={info} order={order} onSettled={show} onBusy={setConfirming} />
              {info.mode === 'sandbox' && <TestCards />}
            </Panel>
            {!linkOpen && linkPanel}
            <div className="row end">
              <Button
                variant="ghost"
                disabled={confirming || cardInFlight || order.payments.some((p) => p.method === 'card' && p.status === 'succeeded')}
                onClick={() => void cancel()}
              >
                {cashTaken > 0 ? `Cancel order, hand back ${formatMoney(cashTaken, order.currency)}` : 'Cancel order'}
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  )
}
