import { join } from 'node:path'
import type { AppMode, CatchUpStatus } from '@shared/domain'
import type { Config } from '../config'
import type { CoreContext } from '../context'
import type { ActiveKeys } from '../keys/saved-keys'
import type { Logger } from '../logging/logger'
import { createCardPayments } from '../payments/card-payment'
import { createCatchUp } from '../payments/catch-up'
import type { CommitBatcher } from '../payments/commit-batcher'
import type { StripeEventEnvelope } from '../payments/event-envelope'
import { processStripeEvent, type ProcessResult } from '../payments/process-event'
import { createRefunds } from '../payments/refunds'
import { createRecurring } from '../memberships/recurring'
import { createPayLinks } from '../checkout/pay-links'
import { publishCatalog } from '../catalog-stripe/publish'
import { publishesCatalog } from '../catalog-stripe/setting'
import { reviewAndChargePlans } from '../installments/auto-charge'
import type { LocalStripe, StartLocalStripe, StripeFactory } from '../ports'
import { createStripeGateway } from '../stripe/gateway'
import { sandboxKeys, tillOrigins } from './sandbox-access'

export const SANDBOX_DATA_FILE = 'stripe-sandbox.db'

export interface StripeClientConfig {
  mode: AppMode
  publishableKey: string
  /** The sandbox's API, which the browser's Stripe.js stand-in calls; null with real Stripe. */
  sandboxApiUrl: string | null
}

export interface AccountRuntimeDeps {
  ctx: CoreContext
  config: Config
  batcher: CommitBatcher
  log: Logger
  startLocalStripe: StartLocalStripe
  stripeFactory: StripeFactory
  onProgress(status: CatchUpStatus): void
}

/** Everything tied to one Stripe account (or the sandbox): replaced as a whole when the keys change. */
export async function openAccountRuntime(deps: AccountRuntimeDeps, keys: ActiveKeys) {
  const { ctx, config, log } = deps
  let sandbox: LocalStripe | null = null
  let secretKey = keys.secretKey
  let publishableKey = keys.publishableKey
  let apiUrl = config.stripe.apiUrl
  if (keys.mode === 'sandbox') {
    const own = sandboxKeys(ctx.db)
    sandbox = await deps.startLocalStripe({
      dataFile: join(config.dataDir, SANDBOX_DATA_FILE),
      apiKeys: { secret: [own.secretKey], publishable: [own.publishableKey] },
      allowedOrigins: tillOrigins(config),
    })
    secretKey = own.secretKey
    publishableKey = own.publishableKey
    apiUrl = new URL(sandbox.url)
  }
  if (!secretKey || !publishableKey) throw new Error(`No Stripe keys for ${keys.mode} mode`)
  const stripe = deps.stripeFactory({ secretKey, apiUrl })
  const gateway = createStripeGateway(stripe, ctx.installationId)
  const payments = createCardPayments(ctx, gateway)
  const refunds = createRefunds(ctx, gateway)
  const recurring = createRecurring(ctx, gateway, refunds, payments)
  // Stripe's success_url: the shop's page, or with the sandbox its own "payment received" page.
  const sandboxUrl = sandbox?.url
  const payLinks = createPayLinks(ctx, gateway, {
    successUrl: () => config.payLinkReturnUrl ?? (sandboxUrl ? `${sandboxUrl}/checkout/{CHECKOUT_SESSION_ID}/done` : null),
  })

  // Every event applied, by webhook or catch-up, goes to the log with its outcome.
  async function process(event: StripeEventEnvelope): Promise<ProcessResult> {
    try {
      const result = await processStripeEvent({ ctx, reader: gateway, batcher: deps.batcher }, event)
      log.info('stripe.event', { id: event.id, type: event.type, outcome: result.outcome, duplicate: result.duplicate })
      return result
    } catch (error) {
      log.error('stripe.event_failed', { id: event.id, type: event.type, error })
      throw error
    }
  }

  const catchUp = createCatchUp({ ctx, gateway, process, payments, refunds, payLinks, onProgress: deps.onProgress, paymentPlans: () => reviewAndChargePlans(ctx, gateway), catalog: () => (publishesCatalog(ctx.db) ? publishCatalog(ctx, gateway) : Promise.resolve()) })
  const client: StripeClientConfig = { mode: keys.mode, publishableKey, sandboxApiUrl: sandbox?.url ?? null }
  return { keys, client, stripe, gateway, payments, refunds, recurring, payLinks, catchUp, sandbox, process, secretKey }
}

export type AccountRuntime = Awaited<ReturnType<typeof openAccountRuntime>>
