import type { LiveStatus } from '@shared/live'
import { AppError } from '@shared/errors'
import { WEBHOOK_PATH, type StripeFactory, type WebhookIngress } from '../ports'
import { startTunnel, type Tunnel } from './tunnel'
import type { TunnelDriver } from './tunnel-driver'
import type { BackoffPolicy } from './backoff'
import type { Config } from '../config'
import type { CoreContext } from '../context'
import type { EncryptedSecrets } from '../keys/encrypted-secrets'
import { forgetKeys, resolveKeys, resolveNgrokToken, saveKeys, saveNgrokToken } from '../keys/saved-keys'
import { checkKeyPair, fieldError, maskKey } from '../keys/stripe-keys'
import { verifySecretKey } from '../keys/verify-key'
import type { Logger } from '../logging/logger'
import type { EndpointVault } from '../stripe/webhook-endpoint'
import { secretVault, settingsVault, type EndpointSync, type EndpointTarget } from './endpoint-sync'
import { describeLiveStatus } from './status'
import type { AccountHolder } from './account-holder'

export interface ConnectionDeps {
  ctx: CoreContext
  config: Config
  log: Logger
  secrets: EncryptedSecrets
  endpoint: EndpointSync
  webhook: WebhookIngress
  driver: TunnelDriver
  tunnelBackoff?: BackoffPolicy
  /** The Stripe account in use, replaced whole when keys are saved. */
  account: AccountHolder
  /** Makes the client that checks a key before it is saved. */
  stripeFactory: StripeFactory
}

/** The first version's key for the sandbox endpoint; kept so an existing data folder reuses its endpoint. */
const SANDBOX_ENDPOINT_SETTING = 'sandbox_webhook_endpoint'
const NGROK_AUTHTOKEN = /^[A-Za-z0-9_-]{8,200}$/

/** How this till reaches Stripe and Stripe reaches it: keys, the tunnel and the managed webhook endpoint. */
export function createConnection(deps: ConnectionDeps) {
  const { ctx, config, log, secrets, endpoint, webhook } = deps
  let ngrok = resolveNgrokToken(config, secrets)
  let tunnel: Tunnel | null = null
  let queue: Promise<unknown> = Promise.resolve()
  const changed = () => ctx.bus.publish({ type: 'live.changed' })

  // Settings actions run one at a time: two saves racing must not leave two runtimes or two tunnels.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  // One vault per mode for the till's lifetime: without a secret store it is the memory that keeps the endpoint.
  const vaults = new Map<string, EndpointVault>([['sandbox', settingsVault(ctx, SANDBOX_ENDPOINT_SETTING)]])
  function target(url: string): EndpointTarget {
    const wiring = deps.account.current()
    const mode = wiring.keys.mode
    if (!vaults.has(mode)) vaults.set(mode, secretVault(secrets, `webhook_endpoint_${mode}`))
    return { stripe: wiring.stripe, vault: vaults.get(mode)!, url }
  }

  async function stopTunnel() {
    const running = tunnel
    tunnel = null
    await running?.stop()
  }

  /** Brings the tunnel and the endpoint in line with the keys and token now in use. */
  async function apply(): Promise<void> {
    const wiring = deps.account.current()
    if (wiring.sandbox) {
      await stopTunnel()
      // The sandbox runs on this machine and delivers straight to the listener, as Stripe would through the tunnel.
      return endpoint.sync(target(webhook.url))
    }
    if (!ngrok.token) {
      await stopTunnel()
      return endpoint.off('Nothing to register: without a tunnel Stripe has no address for this till')
    }
    const url = tunnel?.status().url
    if (url) return void endpoint.sync(target(`${url}${WEBHOOK_PATH}`))
    if (tunnel) return
    tunnel = startTunnel({
      driver: deps.driver,
      webhookPort: webhook.port,
      authtoken: ngrok.token,
      domain: config.ngrokDomain,
      log,
      backoff: deps.tunnelBackoff,
      onChange: changed,
      onOnline(publicUrl) {
        void endpoint.sync(target(`${publicUrl}${WEBHOOK_PATH}`))
        // Back online after a drop: fetch what Stripe could not deliver meanwhile.
        void deps.account.current().catchUp.run()
      },
    })
  }

  function refuseWhenNotStorable(source: string | null, envMessage: string) {
    if (source === 'environment') throw new AppError('conflict', envMessage)
    if (!secrets.available) throw new AppError('unavailable', secrets.unavailableReason ?? 'Secrets cannot be stored here')
  }

  async function rewire(actor: string, reason: string) {
    const keys = resolveKeys(ctx, config, secrets)
    endpoint.reset('Switching Stripe accounts')
    await deps.account.replace(keys)
    log.info('keys.applied', { mode: keys.mode, source: keys.source, by: actor, reason })
    await apply()
    changed()
  }

  function status(): LiveStatus {
    return describeLiveStatus({
      keys: deps.account.current().keys,
      secretStore: secrets,
      ngrok,
      domain: config.ngrokDomain,
      tunnel: tunnel?.status() ?? null,
      endpoint: endpoint.status(),
      externalWebhookSecret: config.stripe.webhookSecret !== null,
    })
  }

  return {
    start: () => serial(apply),
    status,

    /** Checked with Stripe before anything is stored; applied at once, without a restart. */
    saveKeys(input: { secretKey: string; publishableKey: string }, actor: string): Promise<LiveStatus> {
      return serial(async () => {
        refuseWhenNotStorable(deps.account.current().keys.source, 'The keys come from the environment (STRIPE_SECRET_KEY): change them there and restart')
        const pair = checkKeyPair(input)
        await verifySecretKey(deps.stripeFactory({ secretKey: pair.secretKey, apiUrl: config.stripe.apiUrl }), pair.secretKey)
        saveKeys(ctx, secrets, pair, actor)
        log.info('keys.saved', { mode: pair.mode, secretKey: maskKey(pair.secretKey) })
        await rewire(actor, 'keys saved')
        return status()
      })
    },

    forgetKeys(actor: string): Promise<LiveStatus> {
      return serial(async () => {
        if (deps.account.current().keys.source === 'environment') throw new AppError('conflict', 'The keys come from the environment: unset STRIPE_SECRET_KEY and restart')
        forgetKeys(ctx, secrets, actor)
        await rewire(actor, 'keys removed')
        return status()
      })
    },

    saveNgrokToken(token: string | null, actor: string): Promise<LiveStatus> {
      return serial(async () => {
        refuseWhenNotStorable(ngrok.source, 'The authtoken comes from NGROK_AUTHTOKEN in the environment: change it there and restart')
        if (token !== null && !NGROK_AUTHTOKEN.test(token)) throw fieldError('authtoken', 'An ngrok authtoken is letters, digits, _ and - (copy it from dashboard.ngrok.com)')
        saveNgrokToken(ctx, secrets, token, actor)
        ngrok = resolveNgrokToken(config, secrets)
        log.info(token ? 'tunnel.token_saved' : 'tunnel.token_removed', {})
        await stopTunnel()
        await apply()
        changed()
        return status()
      })
    },

    /** The machine woke or the network came back: retry the tunnel now, re-register if that had failed. */
    wake() {
      tunnel?.retryNow()
      if (endpoint.status().state === 'error') void serial(apply)
    },

    /** Values to scrub from every log line, whatever their shape. */
    secretsInUse: (): string[] => [deps.account.current().secretKey, ngrok.token, endpoint.secret(), config.stripe.webhookSecret].filter((s): s is string => !!s),

    async close() {
      await stopTunnel()
      endpoint.off('CourseTill stopped')
      await endpoint.settled()
    },
  }
}

export type Connection = ReturnType<typeof createConnection>
