import type { historyChannels } from '@shared/contract/history'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'
import { createOrderExporter } from './export-orders'
import { historyTotals, listHistory } from './whole-shop'

/** Reads only the local store (other tills' orders as pulled): the Orders screen works with the network down. */
export function historyHandlers({ ctx, dataDir }: Pick<HandlerDeps, 'ctx' | 'dataDir'>): HandlersFor<typeof historyChannels> {
  const exportOrders = createOrderExporter({ db: ctx.db, bus: ctx.bus, now: ctx.now, dataDir })
  return {
    'orders:list': (input) => listHistory(ctx.db, input),
    'orders:totals': (input) => historyTotals(ctx.db, input.filters),
    'orders:export': ({ managerToken: _token, ...input }) => exportOrders(input),
  }
}
