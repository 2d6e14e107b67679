// Sends due webhook deliveries, outside any API request: the API only writes rows into the queue
// and kicks this worker after its transaction commits.

import type { DeliveryQueue, DueDelivery } from './queue'
import { retryDelay, seededRandom, shuffled } from './schedule'
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
  /** Stripe promises no order: false (the default) shuffles each batch and sends it over `concurrency` lanes. */
  ordered: boolean
  /** Deliveries in flight at once per endpoint when unordered. */
  concurrency: number
  /** Seeds the shuffle and the drops, so a run can be replayed. */
  seed: number
  /** Test fault: the share (0..1) of first attempts lost on the way, as if the network ate them. */
  dropRate: number
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
  const random = seededRandom(options.seed)

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
    const dropped = delivery.attempt_count === 0 && options.dropRate > 0 && random() < options.dropRate
    if (dropped) {
      error = 'dropped (sandbox delivery fault)'
    } else {
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

  // Ordered: one endpoint's deliveries go one after another. Unordered (Stripe's way): each endpoint's
  // deliveries are dealt over `concurrency` lanes that run at once. Endpoints are always served concurrently
  // so a slow receiver does not hold up the others.
  function sendBatch(batch: DueDelivery[]): void {
    const lanes = options.ordered ? 1 : Math.max(1, options.concurrency)
    const byLane = new Map<string, DueDelivery[]>()
    const dealt = new Map<string, number>()
    for (const delivery of batch) {
      inFlight.add(delivery.id)
      const n = dealt.get(delivery.endpoint_id) ?? 0
      dealt.set(delivery.endpoint_id, n + 1)
      const lane = `${delivery.endpoint_id}#${n % lanes}`
      byLane.set(lane, [...(byLane.get(lane) ?? []), delivery])
    }
    for (const deliveries of byLane.values()) {
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
    if (due.length > 0) sendBatch(options.ordered ? due : shuffled(due, random))
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
