import type { StaffSession } from '@shared/staff'

// The person signed in at this window. Kept in sessionStorage, not localStorage: a reload keeps them signed in,
// closing the tab signs them out. The main process holds the real session (idle lock, absolute end) and refuses
// a stale token with `signin_required`, which clears this too.
const KEY = 'coursetill.staff'
const listeners = new Set<() => void>()
let current: StaffSession | null = read()

function read(): StaffSession | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    return raw ? (JSON.parse(raw) as StaffSession) : null
  } catch {
    return null
  }
}

export function staffSession(): StaffSession | null {
  return current
}

export function setStaffSession(session: StaffSession | null) {
  current = session
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session))
  else sessionStorage.removeItem(KEY)
  for (const listener of [...listeners]) listener()
}

export function onStaffSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Every call carries the person signed in; dispatch takes it off before the contract checks the payload. */
export function withStaffToken(input: unknown): unknown {
  if (!current) return input ?? {}
  return { ...((input as Record<string, unknown> | undefined) ?? {}), staffToken: current.token }
}
