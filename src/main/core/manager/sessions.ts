import { randomBytes } from 'node:crypto'
import type { StaffPerson } from '@shared/staff'

/** A session locks after this long without use (the idle lock)… */
export const SESSION_IDLE_MS = 5 * 60_000
/** …and a manager's approval in any case this long after the PIN was typed, however busy it was kept. */
export const SESSION_MAX_MS = 30 * 60_000
/** A person signed in at the till stays so for a working day at most (the idle lock still applies). */
export const SIGN_IN_MAX_MS = 12 * 60 * 60_000

interface Session {
  person: StaffPerson
  idleUntil: number
  endsAt: number
}

/**
 * Sessions in memory (a restart locks them all), each of one person: idle expiry that slides with use, and an
 * absolute end that does not. A manager's token is one of these whose person is a manager or owner.
 */
export function createSessions(now: () => number) {
  const sessions = new Map<string, Session>()
  const expiresAt = (session: Session) => Math.min(session.idleUntil, session.endsAt)
  return {
    open(person: StaffPerson, maxMs = SESSION_MAX_MS): { token: string; expiresAt: number } {
      const token = randomBytes(32).toString('hex')
      const at = now()
      const session = { person, idleUntil: at + SESSION_IDLE_MS, endsAt: at + maxMs }
      sessions.set(token, session)
      return { token, expiresAt: expiresAt(session) }
    },
    close: (token: string) => void sessions.delete(token),
    clear: () => sessions.clear(),
    /** Ends every session of one person (their PIN was reset, their role changed, they left). */
    closePerson(id: number) {
      for (const [token, session] of sessions) if (session.person.id === id) sessions.delete(token)
    },
    /** The person of a live session; each use pushes the idle expiry on, never past the absolute end. */
    touch(token: unknown): StaffPerson | null {
      if (typeof token !== 'string') return null
      const session = sessions.get(token)
      if (!session) return null
      const at = now()
      if (expiresAt(session) <= at) {
        sessions.delete(token)
        return null
      }
      session.idleUntil = at + SESSION_IDLE_MS
      return session.person
    },
  }
}
