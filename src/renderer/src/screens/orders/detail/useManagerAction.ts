import { useCallback, useRef } from 'react'
import { flushSync } from 'react-dom'
import { useManager } from '../../../app/context'

const isForbidden = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'forbidden'

/**
 * Runs a manager-only call: asks for the PIN when no session is open (null if the manager cancels), and when
 * the session turns out to have expired (forbidden) forgets it and asks once more before giving up.
 */
export function useManagerAction() {
  const manager = useManager()
  const latest = useRef(manager)
  latest.current = manager
  return useCallback(async <T>(action: (token: string) => Promise<T>): Promise<T | null> => {
    const token = await latest.current.requireManager()
    if (!token) return null
    try {
      return await action(token)
    } catch (error) {
      if (!isForbidden(error)) throw error
      // Render the cleared session now, so the next requireManager opens the dialog instead of reusing it.
      flushSync(() => latest.current.lock())
      const fresh = await latest.current.requireManager()
      return fresh ? action(fresh) : null
    }
  }, [])
}
