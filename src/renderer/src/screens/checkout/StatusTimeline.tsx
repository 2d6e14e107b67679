import type { OrderDetail, Payment } from '@shared/domain'
import type { PayLink } from '@shared/pay-links'
import { declineReason } from '@shared/decline-reasons'
import { formatMoney } from '@shared/money'
import { isPaid } from '@shared/order-rules'
import { formatTime } from '../../app/shop-format'

type StepState = 'done' | 'active' | 'failed' | 'waiting'
interface Step {
  key: string
  label: string
  detail?: string
  state: StepState
}

/** created → awaiting card → authenticating → succeeded / failed, fed by the main process's live updates. */
export function timelineSteps(order: OrderDetail, confirming: boolean, interrupted = false, links: PayLink[] = []): Step[] {
  const steps: Step[] = [{ key: 'created', label: `Order #${order.id} created`, detail: formatTime(order.createdAt), state: 'done' }]
  for (const cash of order.payments.filter((p) => p.method === 'cash')) {
    steps.push({ key: `cash-${cash.id}`, label: `Cash received ${formatMoney(cash.amount, cash.currency)}`, state: 'done' })
  }
  for (const credit of order.payments.filter((p) => p.method === 'credit')) {
    const returned = credit.status === 'canceled'
    steps.push({ key: `credit-${credit.id}`, label: `${returned ? 'Credit returned' : 'Store credit used'} ${formatMoney(credit.amount, credit.currency)}`, state: 'done' })
  }
  const paid = isPaid(order.status)
  // The latest pay link: its payment, once made, is the card payment below.
  const link = links[links.length - 1]
  if (link && !link.stripeSessionId && link.status === 'creating') steps.push({ key: `link-${link.id}`, label: 'Making the pay link…', state: 'active' })
  if (link?.stripeSessionId && link.status !== 'complete') {
    const open = link.status === 'open'
    const detail = open ? (link.lastFailure ? `Declined on the phone — ${declineReason(link.lastFailure, null)}` : 'Waiting for the customer to pay on their phone') : 'Not paid in time, or withdrawn'
    steps.push({ key: `link-${link.id}`, label: open ? `Pay link open for ${formatMoney(link.amount, link.currency)}` : 'Pay link expired', detail, state: open ? (link.lastFailure ? 'failed' : 'active') : 'failed' })
  }
  const card = latestCard(order.payments)
  if (order.status === 'canceled') return [...steps, { key: 'canceled', label: 'Order canceled', state: 'failed' }]
  if (!card) {
    if (!paid && link?.status !== 'open') steps.push({ key: 'awaiting', label: 'Awaiting payment', detail: 'Take cash or credit, enter the card and press Pay, or show the QR code', state: 'active' })
  } else {
    const authenticating = card.status === 'requires_action'
    const awaitingState: StepState = card.status === 'pending' || card.status === 'failed' ? 'active' : 'done'
    steps.push({ key: 'awaiting', label: confirming && card.status === 'pending' ? 'Sending to the bank…' : 'Awaiting card', state: awaitingState })
    if (authenticating || (card.status === 'failed' && card.failureCode === 'payment_intent_authentication_failure')) {
      const detail = authenticating ? (interrupted ? 'Interrupted: retry the card, or stop the attempt' : 'The customer completes 3-D Secure') : undefined
      steps.push({ key: 'auth', label: 'Authenticating', detail, state: authenticating ? (interrupted ? 'failed' : 'active') : card.status === 'failed' ? 'failed' : 'done' })
    }
    if (card.status === 'failed') {
      steps.push({ key: 'failed', label: 'Payment failed', detail: declineReason(card.failureCode, card.failureMessage), state: 'failed' })
    }
  }
  const cashOnly = order.payments.every((p) => p.method === 'cash')
  const creditOnly = order.payments.every((p) => p.method === 'credit')
  steps.push({ key: 'succeeded', label: paid ? (cashOnly ? 'Paid in cash' : creditOnly ? 'Paid with store credit' : 'Payment succeeded') : 'Paid', state: paid ? 'done' : 'waiting' })
  return steps
}

function latestCard(payments: Payment[]): Payment | undefined {
  // An attempt stopped by staff (or closed by the till) is no longer part of the story of this payment.
  return [...payments].reverse().find((p) => p.method === 'card' && p.status !== 'canceled')
}

export function StatusTimeline({ order, confirming, interrupted = false, links = [] }: { order: OrderDetail; confirming: boolean; interrupted?: boolean; links?: PayLink[] }) {
  const steps = timelineSteps(order, confirming, interrupted, links)
  return (
    <ol className="timeline" aria-label="Payment status" aria-live="polite">
      {steps.map((step) => (
        <li key={step.key} className={`timeline-step ${step.state}`} data-state={step.state}>
          <span className="timeline-dot" aria-hidden="true">
            {step.state === 'done' ? '✓' : step.state === 'failed' ? '!' : ''}
          </span>
          <div>
            <div className="timeline-label">{step.label}</div>
            {step.detail && <div className="timeline-detail">{step.detail}</div>}
          </div>
        </li>
      ))}
    </ol>
  )
}
