// Sends due webhook deliveries, outside any API request: the API only writes rows into the queue
// and kicks this worker after its transaction commits.

import type { DeliveryQueue, DueDelivery } from './queue'
import { retryDelay, shuffled } from './schedule'
import { signatureHeader } from './signature'

export interface DeliveryTarget {
  url: string
  secret: string
}

export interface DeliverySource {
  /** The event body as sent now (pending_webhooks reflects acknowledgements so far). */
  payload(eventId: string): string | undefined
  /** Where to send, or undefined when the endpoint was deleted or disabled since scheduling. */
  target(endpointId: string): DeliveryTarget | undefined
}

export interface WorkerOptions {
  retryScheduleMs: readonly number[]
  timeoutMs: number
  shuffle: boolean
  enabled: boolean
}

export interface DeliveryWorker {
  /** Look for due deliveries soon (after the current request's transaction has committed). */
  kick(): void
  setEnabled(on: boolean): void
  /**
   * Resolves once nothing is in flight and nothing is scheduled, future retries included. While delivery
   * is disabled, pending rows do not count: nothing would send them until it is enabled again.
   */
  idle(): Promise<void>
  /** Stops sending; attempts interrupted here are not recorded and stay pending for the next start. */
  close(): Promise<void>
}

const MAX_TIMER_MS = 2 ** 31 - 1

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timeout'
    // fetch wraps the network error: "fetch failed" with the useful part (ECONNREFUSED, …) in `cause`.
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause
    return cause?.code ?? cause?.message ?? error.message
  }
  return String(error)
}

export function createDeliveryWorker(queue: DeliveryQueue, source: DeliverySource, options: WorkerOptions): DeliveryWorker {
  let enabled = options.enabled
  let closed = false
  let timer: NodeJS.Timeout | undefined
  let pumpQueued = false
  const inFlight = new Set<number>()
  const running = new Set<Promise<void>>()
  const idleWaiters: Array<() => void> = []
  const closing = new AbortController()

  const isIdle = () => closed || (inFlight.size === 0 && (!enabled || queue.nextDueAt() === undefined))

  function settleIdleWaiters(): void {
    if (!isIdle()) return
    for (const resolve of idleWaiters.splice(0)) resolve()
  }

  async function attempt(delivery: DueDelivery): Promise<void> {
    const target = source.target(delivery.endpoint_id)
    const payload = source.payload(delivery.event_id)
    if (!target || payload === undefined) return queue.cancel(delivery.id)
    // A fresh timestamp (and so signature) per attempt, as Stripe does on retries.
    const timestamp = Math.floor(Date.now() / 1000)
    const started = Date.now()
    let statusCode: number | null = null
    let error: string | null = null
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signatureHeader(payload, target.secret, timestamp),
        },
        body: payload,
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), closing.signal]),
      })
      statusCode = response.status
      await response.arrayBuffer().catch(() => undefined)
    } catch (caught) {
      error = describeFailure(caught)
    }
    // Interrupted by close(): not a real attempt; the row stays pending and resumes on next start.
    if (closed) return
    const attemptNo = delivery.attempt_count + 1
    const { id: deliveryId, event_id: eventId, endpoint_id: endpointId } = delivery
    const attemptedAt = started
    queue.recordAttempt({
      deliveryId,
      eventId,
      endpointId,
      attemptNo,
      statusCode,
      error,
      signatureTimestamp: timestamp,
      attemptedAt,
      durationMs: Date.now() - started,
    })
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      queue.markSucceeded(deliveryId)
    } else {
      const delay = retryDelay(options.retryScheduleMs, attemptNo)
      queue.markFailed(deliveryId, delay === undefined ? undefined : Date.now() + delay)
    }
  }

  // One endpoint's deliveries go one after another (so an unshuffled batch arrives in order);
  // different endpoints are served concurrently so a slow receiver does not hold up the others.
  function sendBatch(batch: DueDelivery[]): void {
    const byEndpoint = new Map<string, DueDelivery[]>()
    for (const delivery of batch) {
      inFlight.add(delivery.id)
      byEndpoint.set(delivery.endpoint_id, [...(byEndpoint.get(delivery.endpoint_id) ?? []), delivery])
    }
    for (const deliveries of byEndpoint.values()) {
      const chain = (async () => {
        for (const delivery of deliveries) {
          try {
            await attempt(delivery)
          } catch (error) {
            if (!closed) console.error('[sandbox] webhook delivery failed unexpectedly', error)
          } finally {
            inFlight.delete(delivery.id)
          }
        }
      })()
      running.add(chain)
      void chain.finally(() => {
        running.delete(chain)
        kick()
      })
    }
  }

  function pump(): void {
    pumpQueued = false
    if (closed || !enabled) return settleIdleWaiters()
    const due = queue.due(Date.now()).filter((delivery) => !inFlight.has(delivery.id))
    if (due.length > 0) sendBatch(options.shuffle ? shuffled(due) : due)
    armTimer()
    settleIdleWaiters()
  }

  function armTimer(): void {
    if (timer) clearTimeout(timer)
    timer = undefined
    const next = queue.nextDueAt()
    if (next === undefined || closed || !enabled) return
    timer = setTimeout(kick, Math.min(MAX_TIMER_MS, Math.max(0, next - Date.now())))
  }

  function kick(): void {
    if (pumpQueued || closed) return
    pumpQueued = true
    setImmediate(pump)
  }

  return {
    kick,
    setEnabled(on) {
      enabled = on
      if (on) kick()
      else if (timer) clearTimeout(timer)
      settleIdleWaiters()
    },
    idle() {
      if (isIdle()) return Promise.resolve()
      return new Promise<void>((resolve) => idleWaiters.push(resolve))
    },
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      closing.abort()
      await Promise.allSettled([...running])
      settleIdleWaiters()
    },
  }
}
