export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

/** From 1 s up to 5 min: quick after a blip, gentle on ngrok (and its rate limits) during a long outage. */
export const TUNNEL_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 }

/**
 * Delay before retry number `attempt` (1, 2, 3…): exponential, capped, with "equal jitter" — half of it fixed,
 * half random — so a fleet of tills that lost the network together does not reconnect in lockstep, and no
 * retry ever comes sooner than half the exponential step.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = TUNNEL_BACKOFF, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(step / 2 + random() * (step / 2))
}
