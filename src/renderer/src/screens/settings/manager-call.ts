import { useCallback } from 'react'
import { AppError } from '@shared/errors'
import { useManager } from '../../app/context'

/**
 * Runs a manager action: asks for the PIN if no session is open (null when the dialog is cancelled). A session
 * that expired meanwhile is dropped, so the next try asks for the PIN again instead of failing the same way.
 */
export function useManagerCall() {
  const manager = useManager()
  return useCallback(
    async <T>(run: (managerToken: string) => Promise<T>): Promise<T | null> => {
      const token = await manager.requireManager()
      if (!token) return null
      try {
        return await run(token)
      } catch (error) {
        if (error instanceof AppError && error.code === 'forbidden' && /manager PIN/.test(error.message)) {
          manager.lock()
          throw new AppError('forbidden', 'The manager session has expired: try again and enter the PIN')
        }
        throw error
      }
    },
    [manager],
  )
}

/** The form field a refusal names (details.field), to show the message next to it. */
export function fieldOf(error: unknown): string | null {
  const field = error instanceof AppError ? error.details?.field : undefined
  return typeof field === 'string' ? field : null
}

export function formatTime(ms: number | null): string {
  return ms === null ? '—' : new Date(ms).toLocaleString()
}
