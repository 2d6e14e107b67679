import { useEffect, useState } from 'react'
import type { OrderSummary } from '@shared/domain'
import type { OrderCursor } from '@shared/insight'
import { api } from '../../api/transport'
import { Button } from '../../ui/Button'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { OrderStatusBadge } from '../../ui/OrderStatusBadge'
import { CustomerOrdersTable } from './CustomerOrdersTable'

/** The customer's orders, newest first; "Show more" fetches the next page after the last one shown. */
export function CustomerOrdersPanel({ customerId, title = 'Orders' }: { customerId: number; title?: string }) {
  const [orders, setOrders] = useState<OrderSummary[] | null>(null)
  const [next, setNext] = useState<OrderCursor | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    setOrders(null)
    api.invoke('customers:orders', { customerId, limit: 20 }).then(
      (page) => {
        if (!current) return
        setOrders(page.orders)
        setNext(page.next)
      },
      (failure: Error) => current && setError(failure.message),
    )
    return () => {
      current = false
    }
  }, [customerId])

  async function more() {
    if (!next) return
    setBusy(true)
    try {
      const page = await api.invoke('customers:orders', { customerId, before: next, limit: 20 })
      setOrders((shown) => [...(shown ?? []), ...page.orders])
      setNext(page.next)
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Panel title={title} labelledBy="customer-orders-title">
      {error && <p className="error small" role="alert">{error}</p>}
      {!orders ? (
        !error && <Loading label="Reading orders…" />
      ) : orders.length === 0 ? (
        <EmptyState title="No orders yet" />
      ) : (
        <CustomerOrdersTable
          labelledBy="customer-orders-title"
          lines={orders.map((order) => ({
            key: String(order.id),
            href: `#/orders/${order.id}`,
            number: order.id,
            createdAt: order.createdAt,
            status: <OrderStatusBadge status={order.status} />,
            amount: order.amount,
            currency: order.currency,
          }))}
        />
      )}
      {next && (
        <div className="row end customer-more">
          <Button size="sm" busy={busy} onClick={more}>
            Show more orders
          </Button>
        </div>
      )}
    </Panel>
  )
}
