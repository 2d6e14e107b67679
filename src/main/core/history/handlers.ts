import type { historyChannels } from '@shared/contract/history'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'

export function historyHandlers(_deps: HandlerDeps): HandlersFor<typeof historyChannels> {
  return {}
}
