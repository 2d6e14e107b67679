import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { AppInfo } from '@shared/domain'
import { canApprove, type StaffPerson } from '@shared/staff'
import { api } from '../api/transport'
import { onStaffSession, staffSession } from '../api/staff-session'
import { useToasts } from '../ui/toasts'
import { useLiveEvents, useReconnect } from './hooks'
import { setShopFormat } from './shop-format'

interface ManagerState {
  /** A manager's approval held for the person at the till (a cashier), if any. */
  token: string | null
  /**
   * A manager's token: the person signed in when they are a manager or owner; else opens the approval dialog (a
   * manager picks themselves and types their PIN) and resolves with that approval, or null if cancelled.
   */
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
  /** Who may approve: the managers and owners on the staff. */
  approvers: StaffPerson[]
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

  // An approval belongs to the person it was given to: switching person forgets it.
  useEffect(() => onStaffSession(() => setToken(null)), [])

  const requireManager = useCallback(async () => {
    const session = staffSession()
    if (session && canApprove(session.person.role)) return session.token
    if (token) return token
    const { people } = await api.invoke('staff:status', {})
    return new Promise<string | null>((resolve) =>
      setPinRequest({
        approvers: people.filter((person) => canApprove(person.role)),
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
