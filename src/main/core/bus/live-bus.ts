import type { LiveEvent } from '@shared/domain'

export interface LiveBus {
  publish(event: LiveEvent): void
  subscribe(listener: (event: LiveEvent) => void): () => void
}

/** The in-process bus of domain events; IPC and server-sent events both subscribe to it. */
export function createLiveBus(): LiveBus {
  const listeners = new Set<(event: LiveEvent) => void>()
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event)
        } catch (error) {
          // One broken window must not stop the others from hearing about a payment.
          console.error('live event listener failed', error)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
