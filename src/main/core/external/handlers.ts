import type { externalChannels } from '@shared/contract/external'
import { MANAGER, type HandlerDeps, type HandlersFor } from '../api/handler-types'
import { invalidInput } from '@shared/errors'
import { audit } from '../audit'
import { inTransaction } from '../context'
import { writeSetting } from '../settings'
import { recordsExternalPayments, EXTERNAL_SETTING } from './apply-external'
import { assignExternal, dismissExternal } from './decisions'
import { listExternal } from './read'
import { CATALOG_SETTING } from '../catalog-stripe/setting'
import { catalogInStripe } from '../catalog-stripe/status'

export function externalHandlers({ ctx, publishCatalog }: Pick<HandlerDeps, 'ctx' | 'publishCatalog'>): HandlersFor<typeof externalChannels> {
  return {
    'catalog:stripe': () => catalogInStripe(ctx.db, null),
    'catalog:setPublishing': async (input) => {
      inTransaction(ctx, () => {
        writeSetting(ctx.db, CATALOG_SETTING, input.enabled ? 'on' : 'off')
        audit(ctx.db, ctx.now(), { actor: MANAGER, action: 'setting.changed', entityType: 'setting', entityId: CATALOG_SETTING, detail: { enabled: input.enabled } })
      })
      return catalogInStripe(ctx.db, input.enabled ? await publishCatalog() : null)
    },
    'external:list': (input) => ({ payments: listExternal(ctx.db, input.status), enabled: recordsExternalPayments(ctx) }),
    'external:assign': (input) => {
      if ((input.accountId === undefined) === (input.newCustomer === undefined)) throw invalidInput('Choose a customer, or give the new customer\'s name')
      return assignExternal(ctx, {
        externalId: input.externalId,
        customer: input.accountId !== undefined ? { accountId: input.accountId } : { name: input.newCustomer!.name, ...(input.newCustomer!.email ? { email: input.newCustomer!.email } : {}) },
        courseIds: input.courseIds,
        actor: MANAGER,
      })
    },
    'external:dismiss': (input) => dismissExternal(ctx, { externalId: input.externalId, reason: input.reason, actor: MANAGER }),
    'external:setEnabled': (input) => {
      inTransaction(ctx, () => {
        writeSetting(ctx.db, EXTERNAL_SETTING, input.enabled ? 'on' : 'off')
        audit(ctx.db, ctx.now(), { actor: MANAGER, action: 'setting.changed', entityType: 'setting', entityId: EXTERNAL_SETTING, detail: { enabled: input.enabled } })
      })
      return { enabled: input.enabled }
    },
  }
}
