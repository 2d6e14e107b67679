// Whether the till's host is answering, as the renderer sees it: a failed call or a dropped live-event stream
// marks it gone, and a quiet probe every few seconds brings it back without anyone reloading the page.

export type ConnectionState = 'online' | 'offline'

const PROBE_EVERY_MS = 2000
let state: ConnectionState = 'online'
let probing: ReturnType<typeof setInterval> | null = null
const listeners = new Set<(state: ConnectionState) => void>()

export function connectionState(): ConnectionState {
  return state
}

export function onConnectionChange(listener: (state: ConnectionState) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function set(next: ConnectionState) {
  if (state === next) return
  state = next
  for (const listener of [...listeners]) listener(next)
}

/** The host did not answer: say so, and keep asking (with `probe`, which resolves true once it answers). */
export function reportOffline(probe: () => Promise<boolean>) {
  set('offline')
  if (probing) return
  probing = setInterval(() => {
    void probe().then((answered) => answered && reportOnline())
  }, PROBE_EVERY_MS)
}

export function reportOnline() {
  if (probing) clearInterval(probing)
  probing = null
  set('online')
}
