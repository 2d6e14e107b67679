import type { EndpointStatus, LiveStatus, TunnelStatus } from '@shared/live'
import type { ActiveKeys, NgrokToken } from '../keys/saved-keys'
import { maskKey } from '../keys/stripe-keys'
import type { TunnelSnapshot } from './tunnel'

export const NO_TUNNEL_NOTE =
  "No ngrok authtoken is set, so Stripe's webhooks will not arrive. The till still settles every sale: it checks the payment with Stripe directly after each checkout, and catch-up fetches missed events every 5 minutes and after the computer wakes."
export const SANDBOX_TUNNEL_NOTE = 'Not needed in sandbox mode: the built-in sandbox delivers webhooks to this till directly.'
const ENV_KEYS = 'These keys come from STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY in the environment: change them there and restart'
const ENV_TOKEN = 'The authtoken comes from NGROK_AUTHTOKEN in the environment: change it there and restart'

export interface StatusInputs {
  keys: ActiveKeys
  secretStore: { available: boolean; unavailableReason: string | null }
  ngrok: NgrokToken
  domain: string | null
  tunnel: TunnelSnapshot | null
  endpoint: EndpointStatus
  /** STRIPE_WEBHOOK_SECRET is set: someone forwards webhooks another way (the Stripe CLI, a server). */
  externalWebhookSecret: boolean
}

/** What Settings shows, from the parts' own states; never a secret (only masked hints). */
export function describeLiveStatus(inputs: StatusInputs): LiveStatus {
  const { keys, secretStore, ngrok, tunnel, endpoint } = inputs
  const sandbox = keys.mode === 'sandbox'
  const keysCannotSave = keys.source === 'environment' ? ENV_KEYS : secretStore.unavailableReason
  const tunnelStatus: TunnelStatus = {
    state: tunnel?.state ?? 'stopped',
    configured: ngrok.token !== null,
    tokenSource: ngrok.source,
    cannotSave: ngrok.source === 'environment' ? ENV_TOKEN : secretStore.unavailableReason,
    url: tunnel?.url ?? null,
    domain: inputs.domain,
    lastError: tunnel?.lastError ?? null,
    attempts: tunnel?.attempts ?? 0,
    nextRetryAt: tunnel?.nextRetryAt ?? null,
    note: sandbox ? SANDBOX_TUNNEL_NOTE : ngrok.problem ?? (ngrok.token ? null : NO_TUNNEL_NOTE),
  }
  const endpointStatus: EndpointStatus =
    endpoint.state === 'off' && !sandbox && !ngrok.token && inputs.externalWebhookSecret
      ? { ...endpoint, note: 'Not managed here: STRIPE_WEBHOOK_SECRET is set, so an endpoint you run yourself is expected to forward to this till' }
      : endpoint
  const reachable = sandbox ? endpoint.state === 'registered' : tunnelStatus.state === 'online' && endpoint.state === 'registered'
  return {
    keys: {
      mode: keys.mode,
      source: keys.source,
      publishableKey: sandbox ? null : keys.publishableKey,
      secretKeyHint: keys.secretKey && !sandbox ? maskKey(keys.secretKey) : null,
      cannotSave: keysCannotSave,
      problem: keys.problem,
    },
    tunnel: tunnelStatus,
    endpoint: endpointStatus,
    webhooksArrive: reachable,
  }
}
