import { join } from 'node:path'
import type { AppMode } from '@shared/domain'
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox'
import { startWebhookServer, type WebhookServer } from '../../webhooks/server'
import type { Config } from '../config'
import type { CoreContext } from '../context'
import { readSetting, writeSetting } from '../settings'
import { createStripeClient } from '../stripe/client'
import { createStripeGateway } from '../stripe/gateway'
import { ensureWebhookEndpoint, type EndpointVault } from '../stripe/webhook-endpoint'
import { createCardPayments } from './card-payment'
import { createCatchUp } from './catch-up'
import { createCommitBatcher } from './commit-batcher'
import { processStripeEvent } from './process-event'
import { createRefunds } from './refunds'
import { stripeReader } from './stripe-reader'

export const SANDBOX_SECRET_KEY = 'sk_test_coursetill_sandbox'
export const SANDBOX_PUBLISHABLE_KEY = 'pk_test_coursetill_sandbox'

export interface StripeClientConfig {
  mode: AppMode
  publishableKey: string
  /** The sandbox's API, which the browser's Stripe.js stand-in calls; null with real Stripe. */
  sandboxApiUrl: string | null
}

export interface PaymentsOptions {
  /** Sandbox only: how it delivers webhooks (tests switch deliveries off, repeat, shuffle or delay them). */
  sandboxDelivery?: SandboxOptions['delivery']
  catchUpIntervalMs?: number
}

/** Wires Stripe (or the sandbox), the webhook listener, card payments, refunds and catch-up. */
export async function setupPayments(ctx: CoreContext, config: Config, options: PaymentsOptions = {}) {
  let sandbox: SandboxHandle | null = null
  let secretKey = config.stripe.secretKey
  let apiUrl = config.stripe.apiUrl
  let publishableKey = config.stripe.publishableKey
  if (config.mode === 'sandbox') {
    sandbox = await startSandbox({
      dataFile: join(config.dataDir, 'stripe-sandbox.db'),
      port: 0,
      delivery: options.sandboxDelivery,
    })
    secretKey = SANDBOX_SECRET_KEY
    publishableKey = SANDBOX_PUBLISHABLE_KEY
    apiUrl = new URL(sandbox.url)
  }
  const stripe = createStripeClient({ secretKey: secretKey!, apiUrl })
  const gateway = createStripeGateway(stripe)
  const reader = stripeReader(stripe)
  const payments = createCardPayments(ctx, gateway)
  const refunds = createRefunds(ctx, gateway)
  const batcher = createCommitBatcher(ctx)
  const process = (event: Parameters<typeof processStripeEvent>[1]) => processStripeEvent({ ctx, reader, batcher }, event)

  const secrets: string[] = config.stripe.webhookSecret ? [config.stripe.webhookSecret] : []
  const webhook: WebhookServer = await startWebhookServer({
    port: config.webhookPort,
    secrets: () => secrets,
    process,
    onError: (error, event) => console.error(`[webhooks] ${event.type} ${event.id} failed`, error),
  })
  if (sandbox) {
    // The sandbox delivers to our listener exactly as Stripe would, through an endpoint registered with the SDK.
    const endpoint = await ensureWebhookEndpoint(stripe, settingsVault(ctx, 'sandbox_webhook_endpoint'), webhook.url)
    secrets.push(endpoint.secret)
  }
  const catchUp = createCatchUp({ ctx, stripe, process, payments, refunds, onProgress: (status) => ctx.bus.publish({ type: 'sync.progress', status }) })
  catchUp.start(options.catchUpIntervalMs)

  const client: StripeClientConfig = { mode: config.mode, publishableKey: publishableKey!, sandboxApiUrl: sandbox?.url ?? null }
  return {
    client,
    stripe,
    payments,
    refunds,
    catchUp,
    webhook,
    sandbox,
    process,
    async close() {
      catchUp.stop()
      await webhook.close()
      await sandbox?.close()
    },
  }
}

export type PaymentsRuntime = Awaited<ReturnType<typeof setupPayments>>

/** The sandbox's endpoint secret is a test secret of a local emulator: kept in the store's settings. */
function settingsVault(ctx: CoreContext, key: string): EndpointVault {
  return {
    load: () => {
      const raw = readSetting(ctx.db, key)
      return raw ? (JSON.parse(raw) as { id: string; secret: string }) : null
    },
    save: (endpoint) => writeSetting(ctx.db, key, JSON.stringify(endpoint)),
  }
}
