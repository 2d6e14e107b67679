import type { LiveEvent } from '@shared/domain'
import type { Logger } from '../logging/logger'

export interface LiveBus {
  publish(event: LiveEvent): void
  subscribe(listener: (event: LiveEvent) => void): () => void
}

/** The in-process bus of domain events; IPC and server-sent events both subscribe to it. */
export function createLiveBus(log: Pick<Logger, 'error'>): LiveBus {
  const listeners = new Set<(event: LiveEvent) => void>()
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event)
        } catch (error) {
          // One broken window must not stop the others from hearing about a payment.
          log.error('bus.listener_failed', { event: event.type, error })
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
