import { randomBytes } from 'node:crypto'
import type { ManagerSession } from '@shared/domain'

/** A session locks after this long without a manager action… */
export const SESSION_IDLE_MS = 5 * 60_000
/** …and in any case this long after the PIN was typed, however busy it was kept: a till left unlocked does not stay so. */
export const SESSION_MAX_MS = 30 * 60_000

interface Session {
  idleUntil: number
  endsAt: number
}

/** Manager sessions in memory (a restart locks them all): idle expiry that slides with use, and an absolute end that does not. */
export function createSessions(now: () => number) {
  const sessions = new Map<string, Session>()
  const expiresAt = (session: Session) => Math.min(session.idleUntil, session.endsAt)
  return {
    open(): ManagerSession {
      const token = randomBytes(32).toString('hex')
      const at = now()
      const session = { idleUntil: at + SESSION_IDLE_MS, endsAt: at + SESSION_MAX_MS }
      sessions.set(token, session)
      return { token, expiresAt: expiresAt(session) }
    },
    close: (token: string) => void sessions.delete(token),
    clear: () => sessions.clear(),
    /** True for a live session; each use pushes the idle expiry on, never past the absolute end. */
    touch(token: unknown): boolean {
      if (typeof token !== 'string') return false
      const session = sessions.get(token)
      if (!session) return false
      const at = now()
      if (expiresAt(session) <= at) {
        sessions.delete(token)
        return false
      }
      session.idleUntil = at + SESSION_IDLE_MS
      return true
    },
  }
}
