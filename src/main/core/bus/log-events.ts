import type { CatchUpStatus } from '@shared/domain'
import type { LiveBus } from './live-bus'
import type { Logger } from '../logging/logger'

/**
 * Writes the bus's business events to the log: every order and payment state change (refunds show as the
 * order becoming partially_refunded or refunded) and each catch-up run's start and end. The bus publishes
 * only after commit, so the log never records a change that rolled back.
 */
export function logLiveEvents(bus: LiveBus, log: Logger): () => void {
  let catchUpState: CatchUpStatus['state'] = 'idle'
  return bus.subscribe((event) => {
    switch (event.type) {
      case 'order.changed':
        return log.info('order.status', { orderId: event.orderId, status: event.status })
      case 'payment.changed':
        return log.info('payment.status', { orderId: event.orderId, paymentId: event.paymentId, status: event.status })
      case 'sync.progress': {
        const { status } = event
        if (status.state === catchUpState) return
        catchUpState = status.state
        if (status.state === 'running') return log.info('catchup.started', {})
        const counts = { eventsListed: status.eventsListed, eventsApplied: status.eventsApplied, intentsChecked: status.intentsChecked, refundsRetried: status.refundsRetried }
        return status.state === 'failed' ? log.error('catchup.failed', { error: status.lastError, ...counts }) : log.info('catchup.finished', counts)
      }
      default:
        return
    }
  })
}
