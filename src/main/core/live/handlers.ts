import type { liveChannels } from '@shared/contract/live'
import type { HandlerDeps, HandlersFor } from '../api/handler-types'

export function liveHandlers(_deps: HandlerDeps): HandlersFor<typeof liveChannels> {
  return {}
}
