import type { DeliveryQueue } from './delivery/queue'
import type { Db } from './store/db'
import type { ObjectStore } from './store/objects'

/** Long-lived parts every operation needs. Passed in explicitly, never global. */
export interface SandboxCore {
  db: Db
  store: ObjectStore
  /** Unix seconds; injectable so tests can move time. */
  now: () => number
  /** Base URL for links the sandbox hands out (checkout pages, 3-D Secure pages). */
  baseUrl: () => string
  apiVersion: string
  /** Account settings (SandboxOptions.account), resolved. */
  account: { rawCardData: boolean; customerSearchLagSeconds: number }
  /** Queues delivery of a freshly recorded event to these endpoints (sent after the request commits). */
  scheduleDeliveries: (eventId: string, endpointIds: readonly string[]) => void
  /** Delivery bookkeeping the Events API reports (`pending_webhooks`, `delivery_success`). */
  webhookStatus: Pick<DeliveryQueue, 'undeliveredEndpointCount' | 'undeliveredEndpointCounts'>
}

/** The API request that caused a change, as events record it; both null for automatic changes. */
export interface RequestInfo {
  id: string | null
  idempotency_key: string | null
}

/** What domain operations receive: the core plus the request on whose behalf they act. */
export interface Ctx {
  core: SandboxCore
  request: RequestInfo
}

export function automaticCtx(core: SandboxCore): Ctx {
  return { core, request: { id: null, idempotency_key: null } }
}
