// When a failed delivery is tried again. Stripe's test mode retries a few times over a few hours;
// tests compress the schedule (e.g. [50, 100, 200]) through SandboxOptions.delivery.retryScheduleMs.

export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  5 * 60_000, // 5 minutes
  30 * 60_000, // 30 minutes
  2 * 60 * 60_000, // 2 hours
]

/**
 * Milliseconds to wait before attempt number `attemptsMade + 1`, or undefined when the schedule is
 * exhausted and the delivery is given up (attempt 1 is the first try, so the schedule holds retries only).
 */
export function retryDelay(schedule: readonly number[], attemptsMade: number): number | undefined {
  return schedule[attemptsMade - 1]
}

/** Fisher–Yates; `random` is injectable so the unit test can pin the permutation. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/** A small seeded PRNG (mulberry32): the same seed gives the same delivery order and the same drops. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
