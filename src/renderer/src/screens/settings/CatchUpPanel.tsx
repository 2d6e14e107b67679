import { useState } from 'react'
import type { CatchUpStatus } from '@shared/domain'
import { api } from '../../api/transport'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { Badge } from '../../ui/Badge'
import { Button } from '../../ui/Button'
import { Loading, Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { formatTime } from './manager-call'
import { catchUpSummary, catchUpToast } from '@shared/catch-up-words'

/** Catch-up fetches from Stripe what webhooks missed; it runs by itself, and on demand here. */
export function CatchUpPanel() {
  const toasts = useToasts()
  const [query] = useQuery('sync:status', {})
  const [live, setLive] = useState<CatchUpStatus | null>(null)
  const [starting, setStarting] = useState(false)
  useLiveEvents((event) => event.type === 'sync.progress' && setLive(event.status))
  const status = live ?? (query.state === 'ready' ? query.data : null)

  async function run() {
    setStarting(true)
    try {
      const done = await api.invoke('sync:run', {})
      setLive(done)
      if (done.state === 'failed') toasts.error('Catch-up failed', done.lastError ?? undefined)
      else toasts.success('Catch-up finished', catchUpToast(done))
    } catch (error) {
      toasts.error('Catch-up could not start', (error as Error).message)
    } finally {
      setStarting(false)
    }
  }

  const running = status?.state === 'running'
  return (
    <Panel
      title="Catch-up"
      labelledBy="settings-catchup"
      actions={
        <Button variant="primary" size="sm" busy={starting || running} onClick={() => void run()}>
          Run catch-up now
        </Button>
      }
    >
      {!status ? (
        <Loading />
      ) : (
        <div className="stack" aria-live="polite">
          <div className="row">
            {running ? <Badge tone="info">Running</Badge> : status.state === 'failed' ? <Badge tone="danger">Failed</Badge> : <Badge tone="success">Up to date</Badge>}
            <span className="muted small">Last finished {formatTime(status.lastFinishedAt)}</span>
          </div>
          <p className="small" role="status" aria-label="Catch-up progress">
            {catchUpSummary(status)}
          </p>
          {status.lastError && <p className="settings-alert">{status.lastError}</p>}
          <p className="muted small">Runs every 5 minutes, when the computer wakes and when the tunnel reconnects.</p>
        </div>
      )}
    </Panel>
  )
}
