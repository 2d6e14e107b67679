// Time-driven changes that happen without a request (expiring checkout sessions, settling delayed payments),
// checked every second.

import { expireDueSessionsSweep } from './checkout/sessions'
import type { SandboxCore } from './context'
import { settleProcessingSweep } from './payments/processing'

const SWEEP_INTERVAL_MS = 1_000

export type Sweep = (core: SandboxCore) => void

const SWEEPS: readonly Sweep[] = [expireDueSessionsSweep, settleProcessingSweep]

/** Runs every sweep in its own transaction, then `afterSweep` (wakes the webhook worker). Returns a stop function. */
export function startBackgroundSweeps(core: SandboxCore, afterSweep: () => void): () => void {
  const timer = setInterval(() => {
    for (const sweep of SWEEPS) core.db.transaction(() => sweep(core)).immediate()
    afterSweep()
  }, SWEEP_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
