import type { recurringChannels } from '@shared/contract/recurring'
import { MANAGER, STAFF, type HandlerDeps, type HandlersFor } from '../api/handler-types'
import { listInstallmentOffers, listMembershipPlans } from './catalog'
import { listMemberships } from './read-memberships'
import { listInstallmentPlans } from '../installments/read-plans'
import { payInstallments } from '../installments/pay'
import { startInstallmentPlan } from '../installments/start-plan'
import { recurringReport } from '../insight/recurring'
import { AUTO_CHARGE_SETTING, autoChargeEnabled } from '../installments/auto-charge'
import { inTransaction } from '../context'
import { GRACE_DAYS_SETTING, graceDays, reviewPlanAccess } from '../installments/covered'
import { sql } from '../store/statements'
import { audit } from '../audit'

export function recurringHandlers({ ctx, log, recurring }: Pick<HandlerDeps, 'ctx' | 'log' | 'recurring'>): HandlersFor<typeof recurringChannels> {
  const { db } = ctx
  return {
    'memberships:plans': () => listMembershipPlans(db),
    'memberships:start': (input) => recurring().startMembership({ ...input, actor: STAFF }),
    'memberships:list': (input) => listMemberships(db, input.accountId),
    'memberships:cancelAtPeriodEnd': (input) => recurring().cancelAtPeriodEnd({ ...input, actor: STAFF }),
    'memberships:cancelNow': (input) => recurring().cancelNow({ membershipId: input.membershipId, refundLastPeriod: input.refundLastPeriod, actor: MANAGER }),
    'reports:recurring': (input) => {
      const now = ctx.now()
      const since = new Date(now)
      since.setUTCMonth(since.getUTCMonth() - input.months + 1, 1)
      return recurringReport(db, { since: since.setUTCHours(0, 0, 0, 0) - 14 * 3_600_000, now, timeZone: input.timeZone })
    },
    'installments:settings': () => ({ autoCharge: autoChargeEnabled(ctx), graceDays: graceDays(db) }),
    'installments:setGraceDays': (input) => {
      inTransaction(ctx, (queue) => {
        const now = ctx.now()
        sql(db, 'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(GRACE_DAYS_SETTING, String(input.graceDays))
        audit(db, now, { actor: MANAGER, action: 'setting.changed', entityType: 'setting', entityId: GRACE_DAYS_SETTING, detail: { graceDays: input.graceDays } })
        // Access follows the new grace at once: a plan now too late is suspended, one within it gets its course back.
        reviewPlanAccess(db, now, MANAGER, queue)
      })
      return { autoCharge: autoChargeEnabled(ctx), graceDays: graceDays(db) }
    },
    'installments:setAutoCharge': (input) => {
      inTransaction(ctx, () => {
        sql(db, 'INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(AUTO_CHARGE_SETTING, input.enabled ? 'on' : 'off')
        audit(db, ctx.now(), { actor: MANAGER, action: 'setting.changed', entityType: 'setting', entityId: AUTO_CHARGE_SETTING, detail: { enabled: input.enabled } })
      })
      return { autoCharge: input.enabled }
    },
    'installments:offers': () => listInstallmentOffers(db),
    'installments:start': (input) => startInstallmentPlan(ctx, { ...input, actor: STAFF }),
    'installments:list': (input) => listInstallmentPlans(ctx, input.accountId),
    'installments:pay': (input) => {
      const { order, replaced } = payInstallments(ctx, { ...input, actor: STAFF })
      // The replaced orders' intents are closed at Stripe without holding up the answer (the till may be offline).
      if (replaced.length > 0) recurring().closeReplaced(replaced).catch((error: unknown) => log.warn('installments.close_replaced_failed', { replaced, error }))
      return order
    },
  }
}
