import { DEFAULT_REFERRAL_RULES, type ReferralRules } from '@shared/credit'
import { currencyExponent } from '@shared/money'
import { audit } from '../audit'
import { inTransaction, type CoreContext } from '../context'
import type { Db } from '../store/db'
import { readSetting, writeSetting } from '../settings'

const THRESHOLD = 'referral_threshold'
const BONUS = 'referral_bonus'

export function referralRules(db: Db): ReferralRules {
  return { threshold: readSetting(db, THRESHOLD) ?? DEFAULT_REFERRAL_RULES.threshold, bonus: readSetting(db, BONUS) ?? DEFAULT_REFERRAL_RULES.bonus }
}

export function setReferralRules(ctx: CoreContext, rules: ReferralRules, actor: string): ReferralRules {
  return inTransaction(ctx, () => {
    const before = referralRules(ctx.db)
    writeSetting(ctx.db, THRESHOLD, rules.threshold)
    writeSetting(ctx.db, BONUS, rules.bonus)
    audit(ctx.db, ctx.now(), { actor, action: 'setting.changed', entityType: 'setting', entityId: 'referral_rules', detail: { from: before, to: rules } })
    return referralRules(ctx.db)
  })
}

/**
 * A decimal amount in major units ("10.00") in minor units of `currency`, digit by digit: 1000 in GBP, 10 in JPY,
 * 10000 in KWD. Digits the currency cannot hold are rounded: up for a threshold (a purchase never qualifies by
 * rounding), down for a bonus (never more than configured). Three-decimal bonuses are kept to a multiple of 10,
 * as Stripe wants for those currencies.
 */
export function majorToMinor(decimal: string, currency: string, rounding: 'up' | 'down'): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal)
  if (!match) throw new Error(`"${decimal}" is not a decimal amount`)
  const exponent = currencyExponent(currency)
  const fraction = (match[2] ?? '').padEnd(exponent, '0')
  const kept = fraction.slice(0, exponent)
  const dropped = fraction.slice(exponent)
  let minor = Number(match[1]! + kept)
  if (rounding === 'up' && /[1-9]/.test(dropped)) minor += 1
  if (rounding === 'down' && exponent === 3) minor -= minor % 10
  return minor
}
