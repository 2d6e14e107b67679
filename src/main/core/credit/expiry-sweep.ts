import type { CoreContext } from '../context'
import type { Logger } from '../logging/logger'
import { sweepExpiredCredit } from './expiry'

/** Fifteen minutes: expiry is counted in days, and a spend expires what is due on its own wallet first anyway. */
export const CREDIT_EXPIRY_SWEEP_MS = 15 * 60_000

/**
 * Expires bonus credit that is due, at start and then periodically, on the till's own store (no Stripe needed, so
 * it runs offline too). A failed run is logged and the next one tries again; returns the stop.
 */
export function startCreditExpirySweep(ctx: CoreContext, log: Logger, intervalMs = CREDIT_EXPIRY_SWEEP_MS): () => void {
  const run = () => {
    try {
      const expired = sweepExpiredCredit(ctx)
      if (expired > 0) log.info('credit.expiry_swept', { expired })
    } catch (error) {
      log.error('credit.expiry_sweep_failed', { error })
    }
  }
  run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
