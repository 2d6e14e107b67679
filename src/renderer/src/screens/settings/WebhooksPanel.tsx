import { useState, type FormEvent } from 'react'
import type { EndpointState, LiveStatus, TunnelState } from '@shared/live'
import { api } from '../../api/transport'
import { Badge, type Tone } from '../../ui/Badge'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { fieldOf, formatTime } from './manager-call'
import { useManagerAction } from '../../app/useManagerAction'

const TUNNEL: Record<TunnelState, [Tone, string]> = { stopped: ['neutral', 'Stopped'], connecting: ['info', 'Connecting'], online: ['success', 'Online'], error: ['danger', 'Error'] }
const ENDPOINT: Record<EndpointState, [Tone, string]> = { off: ['neutral', 'Not registered'], registering: ['info', 'Registering'], registered: ['success', 'Registered'], error: ['danger', 'Error'] }

/** How Stripe reaches this till: the ngrok tunnel to the webhook listener and the endpoint registered for it. */
export function WebhooksPanel({ status }: { status: LiveStatus }) {
  const { tunnel, endpoint } = status
  // In the sandbox nothing needs a tunnel: say so rather than show a "Stopped" beside "Webhooks arrive".
  const [tunnelTone, tunnelLabel] = status.keys.mode === 'sandbox' && tunnel.state === 'stopped' ? (['neutral', 'Not needed'] as [Tone, string]) : TUNNEL[tunnel.state]
  const [endpointTone, endpointLabel] = ENDPOINT[endpoint.state]
  return (
    <Panel
      title="Webhooks"
      labelledBy="settings-webhooks"
      actions={status.webhooksArrive ? <Badge tone="success">Webhooks arrive</Badge> : <Badge tone="warning">No webhooks</Badge>}
    >
      <div className="stack">
        <section className="settings-part" aria-label="Tunnel">
          <div className="row between">
            <h3>ngrok tunnel</h3>
            <Badge tone={tunnelTone}>{tunnelLabel}</Badge>
          </div>
          {/* A warning only where it matters: real keys and no way for Stripe to reach the till. */}
          {tunnel.note && <p className={status.keys.mode !== 'sandbox' && !tunnel.configured ? 'settings-note' : 'muted small'}>{tunnel.note}</p>}
          <dl className="settings-facts">
            <dt>Public URL</dt>
            <dd className="mono">{tunnel.url ?? '—'}</dd>
            {tunnel.domain && (
              <>
                <dt>Reserved domain</dt>
                <dd className="mono">{tunnel.domain}</dd>
              </>
            )}
            <dt>Authtoken</dt>
            <dd>{tunnel.tokenSource === 'environment' ? 'from NGROK_AUTHTOKEN' : tunnel.tokenSource === 'saved' ? 'saved here, encrypted' : 'not set'}</dd>
            {tunnel.lastError && (
              <>
                <dt>Last error</dt>
                <dd className="error">{tunnel.lastError}</dd>
                <dt>Next try</dt>
                <dd>
                  {formatTime(tunnel.nextRetryAt)} (attempt {tunnel.attempts + 1})
                </dd>
              </>
            )}
          </dl>
          {tunnel.cannotSave ? (
            <p className="muted small">{tunnel.tokenSource === 'environment' ? tunnel.cannotSave : 'To use a tunnel here, set NGROK_AUTHTOKEN in the environment and restart.'}</p>
          ) : (
            <TokenForm saved={tunnel.tokenSource === 'saved'} />
          )}
        </section>
        <section className="settings-part" aria-label="Stripe endpoint">
          <div className="row between">
            <h3>Stripe webhook endpoint</h3>
            <Badge tone={endpointTone}>{endpointLabel}</Badge>
          </div>
          <dl className="settings-facts">
            <dt>URL</dt>
            <dd className="mono">{endpoint.url ?? '—'}</dd>
            <dt>Endpoint</dt>
            <dd className="mono">{endpoint.endpointId ?? '—'}</dd>
            <dt>Updated</dt>
            <dd>{formatTime(endpoint.updatedAt)}</dd>
          </dl>
          {endpoint.lastError && <p className="settings-alert" role="alert">{endpoint.lastError}</p>}
          {endpoint.note && <p className="muted small">{endpoint.note}</p>}
        </section>
      </div>
    </Panel>
  )
}

function TokenForm({ saved }: { saved: boolean }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [token, setToken] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(authtoken: string | null) {
    setError(null)
    setBusy(true)
    try {
      if (await asManager((managerToken) => api.invoke('settings:saveNgrokToken', { managerToken, authtoken }))) {
        setToken('')
        toasts.success(authtoken ? 'Authtoken saved: starting the tunnel' : 'Authtoken removed: tunnel stopped')
      }
    } catch (failure) {
      setError(fieldOf(failure) === 'authtoken' || !fieldOf(failure) ? (failure as Error).message : null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="settings-inline" aria-label="ngrok authtoken" onSubmit={(event: FormEvent) => (event.preventDefault(), void submit(token.trim()))}>
      <TextField
        className="grow"
        label="ngrok authtoken"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        error={error}
        hint="From dashboard.ngrok.com → Your Authtoken. Stored encrypted."
      />
      <Button type="submit" busy={busy} disabled={!token.trim()}>
        Save token
      </Button>
      {saved && (
        <Button variant="ghost" onClick={() => void submit(null)}>
          Remove
        </Button>
      )}
    </form>
  )
}
