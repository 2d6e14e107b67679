import { useCallback, useEffect, useRef, useState } from 'react'
import type { OrderDetail } from '@shared/domain'
import type { OrderTimeline } from '@shared/insight'
import { api } from '../../../api/transport'
import { useLiveEvents } from '../../../app/hooks'

export interface OrderData {
  order: OrderDetail | null
  timeline: OrderTimeline | null
  /** Set when the order cannot be loaded (it does not exist, or the till is not answering). */
  error: string | null
  reload(): void
  /** A manager action answered with the order as it now is: show it at once, then refresh the history. */
  replace(order: OrderDetail): void
}

/** The order and its history, kept fresh by the main process's live events for this order. */
export function useOrderData(orderId: number): OrderData {
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [timeline, setTimeline] = useState<OrderTimeline | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Live events can arrive in bursts: only the answer to the newest request is shown.
  const generation = useRef(0)

  const reload = useCallback(() => {
    const mine = ++generation.current
    Promise.all([api.invoke('orders:get', { orderId }), api.invoke('orders:timeline', { orderId })]).then(
      ([nextOrder, nextTimeline]) => {
        if (mine !== generation.current) return
        setOrder(nextOrder)
        setTimeline(nextTimeline)
        setError(null)
      },
      (failure: Error) => mine === generation.current && setError(failure.message),
    )
  }, [orderId])

  useEffect(() => {
    setOrder(null)
    setTimeline(null)
    reload()
  }, [reload])

  useLiveEvents((event) => {
    if ((event.type === 'order.changed' || event.type === 'payment.changed') && event.orderId === orderId) reload()
  })

  const replace = useCallback(
    (next: OrderDetail) => {
      setOrder(next)
      reload()
    },
    [reload],
  )
  return { order, timeline, error, reload, replace }
}
