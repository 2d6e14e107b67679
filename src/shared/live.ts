// What the Settings screen shows about how this till reaches Stripe (owned by the live area).
import type { AppMode } from './domain'

/** Where the Stripe keys in use came from. */
export type KeySource = 'sandbox' | 'environment' | 'saved'

export interface KeysStatus {
  mode: AppMode
  source: KeySource
  /** Public by design: Stripe.js needs it in the page. */
  publishableKey: string | null
  /** Enough to recognise the secret key (`sk_live_…4242`), never the key itself. */
  secretKeyHint: string | null
  /** Null when keys can be saved here; otherwise why not (browser host, keys from the environment). */
  cannotSave: string | null
  /** A problem with the saved keys (for example they could not be decrypted on this machine). */
  problem: string | null
}

export type TunnelState = 'stopped' | 'connecting' | 'online' | 'error'

export interface TunnelStatus {
  state: TunnelState
  /** True when an ngrok authtoken is set (environment or saved). */
  configured: boolean
  tokenSource: 'environment' | 'saved' | null
  /** Null when the token comes from the environment or when a token can be saved; otherwise why not. */
  cannotSave: string | null
  url: string | null
  domain: string | null
  lastError: string | null
  /** Failed attempts since the tunnel was last online. */
  attempts: number
  nextRetryAt: number | null
  /** Why the tunnel is not running, or what that means, in plain words. */
  note: string | null
}

export type EndpointState = 'off' | 'registering' | 'registered' | 'error'

export interface EndpointStatus {
  state: EndpointState
  endpointId: string | null
  url: string | null
  lastError: string | null
  note: string | null
  updatedAt: number | null
}

export interface LiveStatus {
  keys: KeysStatus
  tunnel: TunnelStatus
  endpoint: EndpointStatus
  /** False when Stripe cannot reach this till: it then relies on the direct check and catch-up. */
  webhooksArrive: boolean
}

export interface LogTail {
  file: string
  lines: string[]
}
