import { useState } from 'react'
import type { OrderDetail } from '@shared/domain'
import type { OrderTimeline, TimelineEntry } from '@shared/insight'
import { Badge, type Tone } from '../../../ui/Badge'
import { EmptyState, Loading, Panel } from '../../../ui/Panel'
import { formatDate, formatTime } from './format'
import { describeAudit, describeStripe, isQuietStripeEntry } from './timeline-text'

const OUTCOME_TONE: Record<Extract<TimelineEntry, { kind: 'stripe' }>['outcome'], Tone> = {
  applied: 'success',
  skipped: 'neutral',
  unhandled: 'neutral',
  foreign: 'neutral',
  review: 'warning',
  failed: 'danger',
}

/** What happened to the order, oldest first: what the till did (who, what) and what Stripe told it. */
export function EventTimeline({ order, timeline }: { order: OrderDetail; timeline: OrderTimeline | null }) {
  const titles = new Map(order.items.map((item) => [item.courseId, item.title]))
  const courseTitle = (id: number) => titles.get(id) ?? `course ${id}`
  const [showAll, setShowAll] = useState(false)
  const quiet = timeline ? timeline.entries.filter(isQuietStripeEntry).length : 0
  const entries = timeline ? (showAll ? timeline.entries : timeline.entries.filter((entry) => !isQuietStripeEntry(entry))) : []
  let lastDay = ''
  return (
    <Panel title="History" labelledBy="order-history-title" className="order-history">
      {!timeline ? (
        <Loading label="Reading the history…" />
      ) : timeline.entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <>
          {timeline.truncated && <p className="muted small">Only the latest {timeline.entries.length} entries are shown.</p>}
          {quiet > 0 && (
            <button type="button" className="link-button small" aria-pressed={showAll} onClick={() => setShowAll((v) => !v)}>
              {showAll ? 'Hide' : 'Show'} {quiet} Stripe {quiet === 1 ? 'event' : 'events'} that changed nothing
            </button>
          )}
          {/* Focusable so the list scrolls from the keyboard too. */}
          <ol className="history" aria-labelledby="order-history-title" tabIndex={0}>
            {entries.map((entry) => {
              const day = formatDate(entry.at)
              const showDay = day !== lastDay
              lastDay = day
              const described = entry.kind === 'stripe' ? describeStripe(entry) : describeAudit(entry, order.currency, courseTitle)
              return (
                <li key={entry.kind === 'stripe' ? entry.eventId : `a${entry.id}`} className={`history-entry history-${entry.kind}`}>
                  <time className="history-time" dateTime={new Date(entry.at).toISOString()}>
                    {showDay && <span className="history-day">{day}</span>}
                    {formatTime(entry.at)}
                  </time>
                  <div className="history-body">
                    <div className="history-title">
                      {entry.kind === 'stripe' ? <span title={`${entry.type} · ${entry.eventId}`}>{described.title}</span> : described.title}
                    </div>
                    {described.detail && <div className="muted small history-detail">{described.detail}</div>}
                  </div>
                  <div className="history-source">
                    {entry.kind === 'stripe' ? (
                      <Badge tone={OUTCOME_TONE[entry.outcome]} title={`Stripe event ${entry.eventId}`}>
                        Stripe
                      </Badge>
                    ) : (
                      <Badge tone="neutral">{entry.actor}</Badge>
                    )}
                  </div>
                </li>
              )
            })}
          </ol>
        </>
      )}
    </Panel>
  )
}
