// The embedded sandbox answers only this till: keys of its own, made once per installation and kept in the
// store (a page that finds the sandbox's port cannot guess them), and CORS only for the till's own pages.

import { randomBytes } from 'node:crypto'
import { APP_ORIGIN } from '@shared/app-origin'
import type { Config } from '../config'
import { readSetting, writeSetting } from '../settings'
import type { Db } from '../store/db'

const SETTING = 'sandbox_api_keys'

export interface SandboxKeys {
  secretKey: string
  publishableKey: string
}

function isSandboxKeys(value: unknown): value is SandboxKeys {
  const keys = value as Partial<SandboxKeys> | null
  return typeof keys?.secretKey === 'string' && /^sk_test_\w{32,}$/.test(keys.secretKey) && typeof keys.publishableKey === 'string' && /^pk_test_\w{32,}$/.test(keys.publishableKey)
}

/** This installation's sandbox keys: read from the store, or made (192 random bits each) and stored on first use. */
export function sandboxKeys(db: Db): SandboxKeys {
  const saved = readSetting(db, SETTING)
  if (saved !== undefined) {
    const parsed: unknown = JSON.parse(saved)
    if (isSandboxKeys(parsed)) return parsed
  }
  const keys = {
    secretKey: `sk_test_ct${randomBytes(24).toString('hex')}`,
    publishableKey: `pk_test_ct${randomBytes(24).toString('hex')}`,
  }
  writeSetting(db, SETTING, JSON.stringify(keys))
  return keys
}

/**
 * Where the till's renderer runs, i.e. the origins the Stripe.js stand-in calls the sandbox from: Electron's
 * app:// page and the browser host on its loopback port.
 */
export function tillOrigins(config: Config): string[] {
  const origins = [APP_ORIGIN]
  if (config.port !== 0) origins.push(`http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`)
  return origins
}
