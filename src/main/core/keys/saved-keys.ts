import type { AppMode } from '@shared/domain'
import type { KeySource } from '@shared/live'
import { audit } from '../audit'
import type { Config } from '../config'
import { inTransaction, type CoreContext } from '../context'
import { readSetting, writeSetting } from '../settings'
import { sql } from '../store/statements'
import { SecretUnreadable, type EncryptedSecrets } from './encrypted-secrets'
import { maskKey, modeOfKey, type KeyPair } from './stripe-keys'

export const SECRET_KEY_SECRET = 'stripe_secret_key'
export const NGROK_TOKEN_SECRET = 'ngrok_authtoken'
/** The publishable key is public (it is in every checkout page), so it is kept in clear. */
const PUBLISHABLE_KEY_SETTING = 'stripe_publishable_key'

export interface ActiveKeys {
  mode: AppMode
  source: KeySource
  secretKey: string | null
  publishableKey: string | null
  problem: string | null
}

const SANDBOX: ActiveKeys = { mode: 'sandbox', source: 'sandbox', secretKey: null, publishableKey: null, problem: null }

/** Environment first (an operator's explicit choice), then keys saved in Settings, else the sandbox. */
export function resolveKeys(ctx: CoreContext, config: Config, secrets: EncryptedSecrets): ActiveKeys {
  const { secretKey, publishableKey } = config.stripe
  if (secretKey && publishableKey) return { mode: config.mode, source: 'environment', secretKey, publishableKey, problem: null }
  const savedPublishable = readSetting(ctx.db, PUBLISHABLE_KEY_SETTING)
  if (!savedPublishable) return SANDBOX
  try {
    const savedSecret = secrets.read(SECRET_KEY_SECRET)
    if (!savedSecret) return { ...SANDBOX, problem: 'A publishable key is saved without its secret key: enter both again' }
    return { mode: modeOfKey(savedSecret), source: 'saved', secretKey: savedSecret, publishableKey: savedPublishable, problem: null }
  } catch (error) {
    if (error instanceof SecretUnreadable) return { ...SANDBOX, problem: `${error.message}: running on the sandbox until keys are entered again` }
    throw error
  }
}

export function saveKeys(ctx: CoreContext, secrets: EncryptedSecrets, pair: KeyPair, actor: string): void {
  inTransaction(ctx, () => {
    secrets.write(SECRET_KEY_SECRET, pair.secretKey)
    writeSetting(ctx.db, PUBLISHABLE_KEY_SETTING, pair.publishableKey)
    audit(ctx.db, ctx.now(), {
      actor,
      action: 'settings.stripe_keys_saved',
      entityType: 'setting',
      entityId: SECRET_KEY_SECRET,
      detail: { mode: pair.mode, secretKey: maskKey(pair.secretKey), publishableKey: pair.publishableKey },
    })
  })
}

export function forgetKeys(ctx: CoreContext, secrets: EncryptedSecrets, actor: string): void {
  inTransaction(ctx, () => {
    secrets.remove(SECRET_KEY_SECRET)
    sql(ctx.db, 'DELETE FROM app_setting WHERE key = ?').run(PUBLISHABLE_KEY_SETTING)
    audit(ctx.db, ctx.now(), { actor, action: 'settings.stripe_keys_removed', entityType: 'setting', entityId: SECRET_KEY_SECRET })
  })
}

export interface NgrokToken {
  token: string | null
  source: 'environment' | 'saved' | null
  problem: string | null
}

export function resolveNgrokToken(config: Config, secrets: EncryptedSecrets): NgrokToken {
  if (config.ngrokAuthtoken) return { token: config.ngrokAuthtoken, source: 'environment', problem: null }
  try {
    const saved = secrets.read(NGROK_TOKEN_SECRET)
    return { token: saved, source: saved ? 'saved' : null, problem: null }
  } catch (error) {
    if (error instanceof SecretUnreadable) return { token: null, source: null, problem: error.message }
    throw error
  }
}

export function saveNgrokToken(ctx: CoreContext, secrets: EncryptedSecrets, token: string | null, actor: string): void {
  inTransaction(ctx, () => {
    if (token) secrets.write(NGROK_TOKEN_SECRET, token)
    else secrets.remove(NGROK_TOKEN_SECRET)
    audit(ctx.db, ctx.now(), { actor, action: token ? 'settings.ngrok_token_saved' : 'settings.ngrok_token_removed', entityType: 'setting', entityId: NGROK_TOKEN_SECRET })
  })
}
