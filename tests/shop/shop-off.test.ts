import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/main/core/config'
import { queueUnownedPayment } from '../../src/main/core/shop/claim-external'
import { applyIntent } from '../../src/main/core/payments/apply-intent'
import type { IntentFacts } from '../../src/main/core/payments/intent-status'
import { installOutbox } from '../../src/main/core/shop/outbox-triggers'
import { startTestTill } from '../helpers/test-till'
import { tempStore } from '../helpers/temp-store'

// Shop mode off (the default): nothing is queued, no trigger is left behind, and a bad URL stops the till.
describe('shop mode off', () => {
  const outboxTriggers = (db: ReturnType<typeof tempStore>['db']) =>
    db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'shop_outbox_%'").pluck().get() as number

  it('a till without a shop database queues nothing, and drops triggers a shop-mode start left', async () => {
    const first = await startTestTill()
    const { db } = first.till.ctx
    installOutbox(db, 1) // as a start in shop mode would have
    expect(outboxTriggers(db)).toBeGreaterThan(0)
    await first.close()
    const again = await startTestTill({ dataDir: first.dataDir })
    const store = again.till.ctx.db
    expect(outboxTriggers(store)).toBe(0)
    store.prepare('DELETE FROM sync_outbox').run()
    again.order([1])
    expect(again.count('sync_outbox')).toBe(0)
    expect(again.till.shop).toBeNull()
    expect((await again.call('shop:status', {})).enabled).toBe(false)
    await again.close()
  })

  it('an unowned payment is queued for the shop only in shop mode', () => {
    const { db } = tempStore()
    const intent = { id: 'pi_external_1', amount: 4200, amount_received: 4200, currency: 'gbp' }
    queueUnownedPayment(db, intent, 1)
    expect(db.prepare('SELECT count(*) FROM unowned_payment').pluck().get()).toBe(0)
    installOutbox(db, 1)
    queueUnownedPayment(db, intent, 1)
    queueUnownedPayment(db, intent, 2)
    expect(db.prepare('SELECT amount, currency FROM unowned_payment').all()).toEqual([{ amount: 4200, currency: 'GBP' }])
  })

  it('in shop mode only an intent no till made is queued as unowned: not ours unrecorded yet, nor an older till’s order', () => {
    const { db, ctx } = tempStore()
    installOutbox(db, 1)
    const apply = (id: string, metadata: Record<string, string>) =>
      applyIntent(
        { db, now: 1, actor: 'stripe', queue: () => undefined, installationId: ctx.installationId },
        { id, status: 'succeeded', amount: 4200, amount_received: 4200, currency: 'gbp', metadata, last_payment_error: null } as IntentFacts,
        { at: 1, fresh: true },
      )
    apply('pi_ours_not_yet_recorded', { coursetill_install: ctx.installationId, order_id: '7' })
    apply('pi_older_till_order', { order_id: '8', attempt: '1' })
    apply('pi_made_outside', {})
    expect(db.prepare('SELECT stripe_payment_intent_id FROM unowned_payment').pluck().all()).toEqual(['pi_made_outside'])
  })

  it('a shop database URL that is not PostgreSQL stops the till with one clear line', () => {
    expect(() => loadConfig({ COURSETILL_SHOP_DATABASE_URL: 'mysql://shop' }, { userDataDir: '/tmp' })).toThrow(ConfigError)
    expect(() => loadConfig({ COURSETILL_SHOP_DATABASE_URL: 'mysql://shop' }, { userDataDir: '/tmp' })).toThrow(/COURSETILL_SHOP_DATABASE_URL must be a PostgreSQL URL/)
    expect(loadConfig({ COURSETILL_SHOP_DATABASE_URL: 'postgresql://till@shop:5432/shop' }, { userDataDir: '/tmp' }).shopDatabaseUrl).toBe('postgresql://till@shop:5432/shop')
  })
})
