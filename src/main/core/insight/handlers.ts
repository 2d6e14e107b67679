import type { insightChannels } from '@shared/contract/insight'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'

export function insightHandlers(_deps: HandlerDeps): HandlersFor<typeof insightChannels> {
  return {}
}
