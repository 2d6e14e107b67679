import type { ActiveKeys } from '../keys/saved-keys'
import { openAccountRuntime, type AccountRuntime, type AccountRuntimeDeps } from './account-runtime'

/**
 * Holds the runtime of the Stripe account in use and replaces it whole when keys are saved in Settings. Safe
 * because every caller reads `current()` at call time: a request already running finishes on the old client,
 * the next one uses the new one. The renderer reloads after a switch, so Stripe.js, the CSP and the
 * publishable key change together.
 */
export async function openAccountHolder(deps: AccountRuntimeDeps, keys: ActiveKeys, catchUpIntervalMs?: number) {
  let current: AccountRuntime = await openAccountRuntime(deps, keys)
  return {
    current: () => current,
    /** Starts the periodic catch-up of the account in use (after the webhook listener is up). */
    start: () => current.catchUp.start(catchUpIntervalMs),
    async replace(next: ActiveKeys): Promise<void> {
      const opened = await openAccountRuntime(deps, next)
      const previous = current
      previous.catchUp.stop()
      current = opened
      await previous.sandbox?.close()
      opened.catchUp.start(catchUpIntervalMs)
    },
    async close(): Promise<void> {
      current.catchUp.stop()
      await current.sandbox?.close()
    },
  }
}

export type AccountHolder = Awaited<ReturnType<typeof openAccountHolder>>
