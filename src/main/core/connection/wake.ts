// Catch-up on wake. Electron reports sleep and resume (powerMonitor); plain Node does not, but a timer that
// fires far later than it was scheduled means the process was frozen: the machine slept or was suspended.

export const TICK_MS = 30_000
/** Later than this past its schedule, a tick means sleep, not a busy event loop. */
export const SLEEP_TOLERANCE_MS = 60_000

/** True when a tick scheduled for `expectedAt` arriving at `arrivedAt` reveals a sleep. */
export function revealsSleep(expectedAt: number, arrivedAt: number, toleranceMs = SLEEP_TOLERANCE_MS): boolean {
  return arrivedAt - expectedAt > toleranceMs
}

/** Calls onWake(sleptMs) after each detected sleep; returns a stop function. */
export function watchForSleep(onWake: (sleptMs: number) => void, options: { tickMs?: number; toleranceMs?: number; now?: () => number } = {}): () => void {
  const tickMs = options.tickMs ?? TICK_MS
  const now = options.now ?? Date.now
  let expectedAt = now() + tickMs
  const timer = setInterval(() => {
    const arrivedAt = now()
    if (revealsSleep(expectedAt, arrivedAt, options.toleranceMs)) onWake(arrivedAt - expectedAt)
    expectedAt = arrivedAt + tickMs
  }, tickMs)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * Several signals often arrive together (resume, then unlock, then the network): one catch-up is enough.
 * Returns true when a wake at `at` should act, given the last one that did.
 */
export function shouldActOnWake(lastActedAt: number | null, at: number, quietMs = 10_000): boolean {
  return lastActedAt === null || at - lastActedAt >= quietMs
}
