import { useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { StaffSession, StaffStatus } from '@shared/staff'
import { api } from '../api/transport'
import { onStaffSession, setStaffSession, staffSession } from '../api/staff-session'
import { OwnerSetup } from '../screens/staff/OwnerSetup'
import { SignIn } from '../screens/staff/SignIn'
import { Loading } from '../ui/Panel'
import { useAppInfo } from './context'
import { useReconnect } from './hooks'

/** The till locks after this long with no key or touch, as the main process's session does (manager/sessions.ts). */
export const IDLE_LOCK_MS = 5 * 60_000
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

export function useStaffSession(): StaffSession | null {
  return useSyncExternalStore(onStaffSession, staffSession)
}

/** Ends the session here and in the main process; the gate then shows who-is-at-the-till. */
export function signOut() {
  const session = staffSession()
  if (session) void api.invoke('staff:signOut', { token: session.token }).catch(() => undefined)
  setStaffSession(null)
}

function useIdleLock(token: string | undefined) {
  useEffect(() => {
    if (!token) return
    let timer = setTimeout(signOut, IDLE_LOCK_MS)
    const touched = () => {
      clearTimeout(timer)
      timer = setTimeout(signOut, IDLE_LOCK_MS)
    }
    for (const type of ACTIVITY) window.addEventListener(type, touched, { passive: true })
    return () => {
      clearTimeout(timer)
      for (const type of ACTIVITY) window.removeEventListener(type, touched)
    }
  }, [token])
}

/** Nothing of the till shows until the owner exists and someone is signed in; then the idle lock watches. */
export function StaffGate({ children }: { children: ReactNode }) {
  const session = useStaffSession()
  const info = useAppInfo()
  const [status, setStatus] = useState<StaffStatus | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const load = useCallback(() => {
    api.invoke('staff:status', {}).then(setStatus, (error: Error) => setFailure(error.message))
  }, [])
  const signedOut = session === null
  useEffect(() => {
    if (signedOut) load()
  }, [signedOut, load])
  useReconnect(load)
  useIdleLock(session?.token)

  // A stale session (the store changed under it) is refused by the main process with signin_required, which clears it.
  if (session) return <>{children}</>
  if (!status) return <main className="gate">{failure ? <p role="alert">{failure}</p> : <Loading />}</main>
  if (!status.ownerSet) return <OwnerSetup done={setStaffSession} />
  return <SignIn people={status.people} shopName={info?.shopName ?? 'CourseTill'} done={setStaffSession} />
}
