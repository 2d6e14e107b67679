import { useCallback, useRef } from 'react'
import { flushSync } from 'react-dom'
import { useManager } from './context'

/** The main process refused for want of a live manager session (never a wrong PIN or a key Stripe refused). */
export const needsManagerSession = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'manager_required'

/**
 * The one way to run a manager-only call: asks for the PIN when no session is open (null if the manager cancels),
 * and when the main process says the session has gone (error code `manager_required`, whatever its wording)
 * forgets it and asks once more before giving up. Any other refusal is the caller's to show.
 */
export function useManagerAction() {
  const manager = useManager()
  const latest = useRef(manager)
  latest.current = manager
  return useCallback(async <T>(action: (managerToken: string) => Promise<T>): Promise<T | null> => {
    const token = await latest.current.requireManager()
    if (!token) return null
    try {
      return await action(token)
    } catch (error) {
      if (!needsManagerSession(error)) throw error
      // Render the cleared session now, so the next requireManager opens the dialog instead of reusing it.
      flushSync(() => latest.current.lock())
      const fresh = await latest.current.requireManager()
      return fresh ? action(fresh) : null
    }
  }, [])
}
