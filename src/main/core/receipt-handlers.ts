import type { receiptChannels } from '@shared/contract/receipts'
import { MANAGER, type HandlerDeps, type HandlersFor } from './api/handler-types'
import { setReceiptDetails } from './receipt-details'

export function receiptHandlers({ ctx, info }: Pick<HandlerDeps, 'ctx' | 'info'>): HandlersFor<typeof receiptChannels> {
  return {
    'settings:setReceiptDetails': ({ address, taxId }) => {
      setReceiptDetails(ctx, { address, taxId }, MANAGER)
      return info()
    },
  }
}
