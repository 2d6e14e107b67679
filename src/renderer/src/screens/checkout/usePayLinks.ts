import { useCallback, useEffect, useState } from 'react'
import type { PayLink } from '@shared/pay-links'
import { api } from '../../api/transport'
import { useLiveEvents, useReconnect } from '../../app/hooks'

/** The order's pay links, kept current by the main process's live events. */
export function usePayLinks(orderId: number): [PayLink[], () => void] {
  const [links, setLinks] = useState<PayLink[]>([])
  const reload = useCallback(() => {
    api.invoke('payLinks:list', { orderId }).then(setLinks, () => undefined)
  }, [orderId])
  useEffect(reload, [reload])
  useReconnect(reload)
  useLiveEvents((event) => {
    if (event.type === 'payLink.changed' && event.orderId === orderId) reload()
  })
  return [links, reload]
}

/** "12:05" until the expiry (unix ms), ticking every second; null once it has passed. */
export function useCountdown(expiresAt: number | null): string | null {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (expiresAt === null) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [expiresAt])
  if (expiresAt === null || expiresAt <= now) return null
  const seconds = Math.floor((expiresAt - now) / 1000)
  const hours = Math.floor(seconds / 3600)
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')
  const ss = String(seconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`
}
