import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { AppInfo } from '@shared/domain'
import { api } from '../api/transport'
import { useToasts } from '../ui/toasts'
import { useLiveEvents, useReconnect } from './hooks'
import { setShopFormat } from './shop-format'

interface ManagerState {
  token: string | null
  /** Opens the PIN dialog (set or enter) and resolves with a session token, or null if cancelled. */
  requireManager(): Promise<string | null>
  lock(): void
}

const InfoContext = createContext<AppInfo | null>(null)
const ManagerContext = createContext<ManagerState | null>(null)

export function useAppInfo(): AppInfo | null {
  return useContext(InfoContext)
}

export function useManager(): ManagerState {
  const state = useContext(ManagerContext)
  if (!state) throw new Error('useManager outside AppProviders')
  return state
}

export interface PinRequest {
  pinSet: boolean
  resolve: (token: string | null) => void
}

/** App-wide state: the app's info, and the manager session (kept in memory only, never stored). */
export function AppProviders({ children, renderPinDialog }: { children: ReactNode; renderPinDialog: (request: PinRequest | null, done: () => void) => ReactNode }) {
  const toasts = useToasts()
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [token, setToken] = useState<string | null>(null)
  const [pinRequest, setPinRequest] = useState<PinRequest | null>(null)

  const loadInfo = useCallback(() => {
    api.invoke('app:info', {}).then((next) => {
      // Before the screens render with it: every date they show follows the shop's locale and zone.
      setShopFormat(next.locale, next.timeZone)
      setInfo(next)
    }, (error: Error) => toasts.error('CourseTill is not answering', error.message))
  }, [toasts])
  useEffect(loadInfo, [loadInfo])
  useReconnect(loadInfo)
  // Shop name, keys and mode are announced as live.changed: the whole app sees them without a reload.
  useLiveEvents((event) => event.type === 'live.changed' && loadInfo())

  const requireManager = useCallback(async () => {
    if (token) return token
    const { pinSet } = await api.invoke('manager:status', {})
    return new Promise<string | null>((resolve) =>
      setPinRequest({
        pinSet,
        resolve: (session) => {
          setToken(session)
          resolve(session)
        },
      }),
    )
  }, [token])

  const lock = useCallback(() => {
    if (token) void api.invoke('manager:lock', { managerToken: token }).catch(() => undefined)
    setToken(null)
  }, [token])

  const manager = useMemo(() => ({ token, requireManager, lock }), [token, requireManager, lock])
  return (
    <InfoContext.Provider value={info}>
      <ManagerContext.Provider value={manager}>
        {children}
        {renderPinDialog(pinRequest, () => setPinRequest(null))}
      </ManagerContext.Provider>
    </InfoContext.Provider>
  )
}
