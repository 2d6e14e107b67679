import type { LiveStatus } from '@shared/live'
import { useAppInfo } from '../../app/context'
import { useQuery } from '../../app/hooks'
import { Panel } from '../../ui/Panel'

interface Step {
  done: boolean
  title: string
  detail: string
}

/** Where the shop stands, in a shop owner's words; the engineering behind each line is under Technical details. */
export function GoLiveChecklist({ status }: { status: LiveStatus }) {
  const info = useAppInfo()
  const [manager] = useQuery('manager:status', {})
  const mode = status.keys.mode
  const steps: Step[] = [
    mode === 'live'
      ? { done: true, title: 'Taking real card payments', detail: 'Card payments go to your Stripe account.' }
      : mode === 'test'
        ? { done: false, title: 'Card payments are in test mode', detail: 'No real money moves. When you are ready, a manager enters your live Stripe keys under Technical details.' }
        : { done: false, title: 'Practice mode: no money moves', detail: 'Sell freely to learn the till. To take real card payments, a manager enters your Stripe keys under Technical details.' },
    mode === 'sandbox'
      ? { done: true, title: 'Payments are confirmed at once', detail: 'In practice mode the till confirms payments itself; nothing to set up.' }
      : status.webhooksArrive
        ? { done: true, title: 'Stripe tells the till about payments at once', detail: 'Refunds and payments made elsewhere show up within seconds.' }
        : { done: false, title: 'Stripe cannot reach the till yet', detail: 'Sales still finish: the till asks Stripe after each payment and every 5 minutes. For instant updates, add the connection (ngrok) under Technical details.' },
    { done: manager.state === 'ready' && manager.data.pinSet, title: 'Owner and staff', detail: manager.state === 'ready' && manager.data.pinSet ? 'Set up: refunds, exports and settings need a manager or the owner (Staff screen).' : 'Not set up yet: the owner is created at first start.' },
    { done: !!info && info.shopName !== 'CourseTill', title: 'Shop name on receipts', detail: info ? `Receipts say “${info.shopName}”.` : '' },
    { done: true, title: 'Time zone', detail: info ? `Days are counted in ${info.timeZone.replace(/_/g, ' ')}.` : '' },
  ]
  return (
    <Panel title="Getting ready" labelledBy="settings-checklist">
      <ul className="checklist" aria-label="Go-live checklist">
        {steps.map((step) => (
          <li key={step.title} className={step.done ? 'done' : 'todo'}>
            <span className="checklist-mark" aria-hidden="true">
              {step.done ? '✓' : '•'}
            </span>
            <div>
              <div className="checklist-title">
                {step.title}
                <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
              </div>
              <div className="muted small">{step.detail}</div>
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  )
}
