import type { CatchUpStatus } from '@shared/domain'
import type { DeliveryFaults, SandboxOptions } from '@coursetill/stripe-sandbox'
import { startWebhookServer, type WebhookServer } from '../../webhooks/server'
import type { BackoffPolicy } from '../../tunnel/backoff'
import type { TunnelDriver } from '../../tunnel/driver'
import { ngrokDriver } from '../../tunnel/ngrok-driver'
import type { Config } from '../config'
import type { CoreContext } from '../context'
import { createEncryptedSecrets, type EncryptedSecrets } from '../keys/encrypted-secrets'
import { resolveKeys, type ActiveKeys } from '../keys/saved-keys'
import { createConnection } from '../live/connection'
import { createEndpointSync } from '../live/endpoint-sync'
import { wireStripe, type StripeWiring } from '../live/stripe-wiring'
import { silentLogger, type Logger } from '../logging/logger'
import { createCommitBatcher } from './commit-batcher'
import type { StripeEventEnvelope } from './event-envelope'

export { type StripeClientConfig } from '../live/stripe-wiring'

export interface PaymentsOptions {
  /** Sandbox only: its webhook retry schedule and timeout (tests shorten them). */
  sandboxDelivery?: SandboxOptions['delivery']
  /** Sandbox only, tests only: deliveries switched off, repeated, shuffled or late. */
  sandboxFaults?: DeliveryFaults
  catchUpIntervalMs?: number
  /** Encrypted storage for keys and tokens; absent (the browser host), secrets come only from the environment. */
  secrets?: EncryptedSecrets
  log?: Logger
  /** The ngrok library by default; tests pass a fake. */
  tunnel?: { driver?: TunnelDriver; backoff?: BackoffPolicy }
}

/**
 * Wires Stripe (or the sandbox), the webhook listener, card payments, refunds, catch-up, the tunnel and the
 * managed endpoint. The parts tied to one Stripe account are swapped as a whole when keys are saved in Settings
 * (see `swap`); the listener, the tunnel and the ledger's commit batcher live as long as the till.
 */
export async function setupPayments(ctx: CoreContext, config: Config, options: PaymentsOptions = {}) {
  const log = options.log ?? silentLogger
  const secrets = options.secrets ?? createEncryptedSecrets(ctx.db, null)
  const batcher = createCommitBatcher(ctx)
  const onProgress = (status: CatchUpStatus) => ctx.bus.publish({ type: 'sync.progress', status })
  const { sandboxDelivery, sandboxFaults } = options
  const wiringDeps = { ctx, config, batcher, log, sandboxDelivery, sandboxFaults, onProgress }
  let wiring: StripeWiring = await wireStripe(wiringDeps, resolveKeys(ctx, config, secrets))
  const endpoint = createEndpointSync({ ctx, log, onChange: () => ctx.bus.publish({ type: 'live.changed' }) })

  let webhook: WebhookServer
  try {
    webhook = await startWebhookServer({
      port: config.webhookPort,
      // Read on every delivery: a newly registered endpoint's secret applies at once.
      secrets: () => [config.stripe.webhookSecret, endpoint.secret()].filter((secret): secret is string => !!secret),
      process: (event: StripeEventEnvelope) => wiring.process(event),
      // The failure itself is logged where it happened (stripe.event_failed); this records the 500 sent back.
      onError: (_error, event) => log.warn('webhook.answered_500', { id: event.id, type: event.type, retry: 'Stripe will retry' }),
    })
  } catch (error) {
    await wiring.sandbox?.close()
    throw error
  }

  /**
   * Hot re-setup for new keys. Safe because every caller reads the runtime's parts at call time (the getters
   * below): a request already running finishes on the old client, the next one uses the new one. The renderer
   * reloads after a switch, so Stripe.js, the CSP and the publishable key change together.
   */
  async function swap(keys: ActiveKeys) {
    const next = await wireStripe(wiringDeps, keys)
    const previous = wiring
    previous.catchUp.stop()
    wiring = next
    await previous.sandbox?.close()
    next.catchUp.start(options.catchUpIntervalMs)
  }

  const connection = createConnection({
    ctx,
    config,
    log,
    secrets,
    endpoint,
    webhook,
    driver: options.tunnel?.driver ?? ngrokDriver(),
    tunnelBackoff: options.tunnel?.backoff,
    current: () => wiring,
    swap,
  })
  await connection.start()
  wiring.catchUp.start(options.catchUpIntervalMs)

  return {
    get client() {
      return wiring.client
    },
    get stripe() {
      return wiring.stripe
    },
    get payments() {
      return wiring.payments
    },
    get refunds() {
      return wiring.refunds
    },
    get catchUp() {
      return wiring.catchUp
    },
    get sandbox() {
      return wiring.sandbox
    },
    webhook,
    connection,
    log,
    process: (event: StripeEventEnvelope) => wiring.process(event),
    async close() {
      wiring.catchUp.stop()
      await connection.close()
      await webhook.close()
      await wiring.sandbox?.close()
    },
  }
}

export type PaymentsRuntime = Awaited<ReturnType<typeof setupPayments>>
