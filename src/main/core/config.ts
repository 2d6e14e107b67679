import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import type { AppMode } from '@shared/domain'

/** Everything CourseTill reads from its environment, validated in one place. */
export interface Config {
  dataDir: string
  port: number
  webhookPort: number
  mode: AppMode
  stripe: {
    secretKey: string | null
    publishableKey: string | null
    webhookSecret: string | null
    apiUrl: URL | null
  }
  ngrokAuthtoken: string | null
  /** A reserved ngrok domain: the public URL, and so the Stripe endpoint, stays the same across restarts. */
  ngrokDomain: string | null
  /** Where a customer lands after paying by link (Stripe's success_url); the sandbox has its own page. */
  payLinkReturnUrl: string | null
  /** Shop mode (issue 16): the shared PostgreSQL order book; null = this till alone, nothing synced. */
  shopDatabaseUrl: string | null
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export const DEFAULT_PORT = 4747
export const DEFAULT_WEBHOOK_PORT = 4748

type Env = Record<string, string | undefined>

export function loadConfig(env: Env, defaults: { userDataDir: string }): Config {
  const secretKey = optional(env, 'STRIPE_SECRET_KEY', /^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, 'a key starting sk_test_, sk_live_, rk_test_ or rk_live_')
  const publishableKey = optional(env, 'STRIPE_PUBLISHABLE_KEY', /^pk_(test|live)_[A-Za-z0-9_]+$/, 'a key starting pk_test_ or pk_live_')
  const webhookSecret = optional(env, 'STRIPE_WEBHOOK_SECRET', /^whsec_[A-Za-z0-9+/=_]+$/, 'a secret starting whsec_')
  const ngrokAuthtoken = optional(env, 'NGROK_AUTHTOKEN', /^[A-Za-z0-9_-]{8,}$/, 'an ngrok authtoken (letters, digits, _ and -)')
  const ngrokDomain = optional(env, 'COURSETILL_NGROK_DOMAIN', /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'a host name such as till-42.ngrok.app (no https://, no path)')
  const shopDatabaseUrl = optional(env, 'COURSETILL_SHOP_DATABASE_URL', /^postgres(ql)?:\/\/\S+$/, 'a PostgreSQL URL such as postgresql://till@shop-host:5432/shop')
  const mode = modeOf(secretKey, publishableKey)
  const port = portOf(env, 'COURSETILL_PORT', DEFAULT_PORT)
  const webhookPort = portOf(env, 'COURSETILL_WEBHOOK_PORT', DEFAULT_WEBHOOK_PORT)
  if (port === webhookPort && port !== 0) {
    throw new ConfigError(`COURSETILL_PORT and COURSETILL_WEBHOOK_PORT are both ${port}; they must differ`)
  }
  const dataDir = env.COURSETILL_DATA_DIR?.trim()
  if (env.COURSETILL_DATA_DIR !== undefined && !dataDir) throw new ConfigError('COURSETILL_DATA_DIR is set but empty')
  return {
    dataDir: resolve(dataDir || defaults.userDataDir),
    port,
    webhookPort,
    mode,
    stripe: { secretKey, publishableKey, webhookSecret, apiUrl: apiUrlOf(env) },
    ngrokAuthtoken,
    ngrokDomain: ngrokDomain?.toLowerCase() ?? null,
    payLinkReturnUrl: payLinkReturnUrlOf(env),
    shopDatabaseUrl,
  }
}

function payLinkReturnUrlOf(env: Env): string | null {
  const raw = env.COURSETILL_PAY_LINK_RETURN_URL
  if (raw === undefined || raw === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`COURSETILL_PAY_LINK_RETURN_URL must be a URL such as https://shop.example/thanks, got "${raw}"`)
  }
  // Stripe sends customers there from their phones: only https is accepted in live mode.
  if (url.protocol !== 'https:') throw new ConfigError('COURSETILL_PAY_LINK_RETURN_URL must use https')
  return url.toString()
}

function optional(env: Env, name: string, pattern: RegExp, expected: string): string | null {
  const value = env[name]
  if (value === undefined || value === '') return null
  if (!pattern.test(value)) throw new ConfigError(`${name} must be ${expected}`)
  return value
}

function modeOf(secretKey: string | null, publishableKey: string | null): AppMode {
  if (!secretKey) {
    if (publishableKey) throw new ConfigError('STRIPE_PUBLISHABLE_KEY is set without STRIPE_SECRET_KEY; set both, or neither for sandbox mode')
    return 'sandbox'
  }
  if (!publishableKey) throw new ConfigError('STRIPE_SECRET_KEY is set without STRIPE_PUBLISHABLE_KEY; set both, or neither for sandbox mode')
  const secretMode = secretKey.includes('_live_') ? 'live' : 'test'
  const publishableMode = publishableKey.includes('_live_') ? 'live' : 'test'
  if (secretMode !== publishableMode) {
    throw new ConfigError(`STRIPE_SECRET_KEY is a ${secretMode} key but STRIPE_PUBLISHABLE_KEY is a ${publishableMode} key`)
  }
  return secretMode
}

function portOf(env: Env, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${raw}"`)
  return Number(raw)
}

function apiUrlOf(env: Env): URL | null {
  const raw = env.STRIPE_API_URL
  if (raw === undefined || raw === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`STRIPE_API_URL must be a URL such as http://127.0.0.1:12111, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('STRIPE_API_URL must use http or https')
  return url
}

/** Where Electron's app.getPath('userData') would put CourseTill's files, for the browser host in plain Node. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: Env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'CourseTill')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'CourseTill')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'CourseTill')
}
