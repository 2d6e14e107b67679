import { useState, type FormEvent } from 'react'
import type { ShopDatabaseSettings } from '@shared/contract/shop-settings'
import { api } from '../../api/transport'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { useManagerAction } from '../../app/useManagerAction'
import { Badge } from '../../ui/Badge'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { formatTime } from './manager-call'

const SOURCE = { environment: 'from COURSETILL_SHOP_DATABASE_URL (the environment wins over Settings)', saved: 'saved here, encrypted' } as const

/**
 * Shop mode's database (several tills, one order book): where it is — host and database, the password never
 * shown — how fresh the shop's history is here, and the owner's form to enter, change or remove the URL.
 */
export function ShopDatabasePanel() {
  const [query, reload] = useQuery('settings:shopDatabase', {})
  useLiveEvents((event) => (event.type === 'live.changed' || event.type === 'shop.synced') && reload())
  if (query.state !== 'ready') return null
  const settings = query.data
  const { status, target } = settings
  const badge = !status.enabled ? (
    <Badge tone="neutral">Off</Badge>
  ) : status.connected ? (
    <Badge tone="success">Connected</Badge>
  ) : (
    <Badge tone={status.lastError ? 'danger' : 'info'}>{status.lastError ? 'Not reachable' : 'Connecting'}</Badge>
  )
  return (
    <Panel title="Shop database" labelledBy="settings-shop-database" actions={badge}>
      <div className="stack">
        <p className="muted">
          {status.enabled
            ? 'This till shares its orders, customers and courses with the other tills through this PostgreSQL database, and sells on from its own store when it is away.'
            : 'Off: this till is on its own. With a PostgreSQL shop database, several tills share one order book.'}
        </p>
        {target && (
          <dl className="settings-facts" aria-label="Shop database in use">
            <dt>Server</dt>
            <dd className="mono">
              {target.host}:{target.port}
            </dd>
            <dt>Database</dt>
            <dd className="mono">{target.database}</dd>
            <dt>User</dt>
            <dd className="mono">{target.user ?? '—'}</dd>
            <dt>Password</dt>
            <dd>{target.passwordSet ? '•••••• (hidden)' : 'none'}</dd>
            <dt>URL</dt>
            <dd>{settings.source ? SOURCE[settings.source] : '—'}</dd>
            <dt>Shop history</dt>
            <dd>{status.asOf === null ? 'not synced yet' : `as of ${formatTime(status.asOf)}`}</dd>
            <dt>Waiting to send</dt>
            <dd>{status.pendingPush === 0 ? 'nothing' : `${status.pendingPush} changes`}</dd>
          </dl>
        )}
        {status.lastError && (
          <p className="settings-alert" role="alert">
            {status.lastError}
          </p>
        )}
        {settings.problem && (
          <p className="settings-alert" role="alert">
            {settings.problem}
          </p>
        )}
        {settings.cannotSave ? <p className="settings-note">{settings.cannotSave}</p> : <ShopUrlForm settings={settings} />}
      </div>
    </Panel>
  )
}

function ShopUrlForm({ settings }: { settings: ShopDatabaseSettings }) {
  const toasts = useToasts()
  const asOwner = useManagerAction()
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null)
  const saved = settings.source === 'saved'

  async function save(event: FormEvent) {
    event.preventDefault()
    setError(null)
    setBusy('save')
    try {
      const result = await asOwner((managerToken) => api.invoke('settings:saveShopDatabaseUrl', { managerToken, url }))
      if (!result) return
      setUrl('')
      toasts.success('Shop database saved', `Shop mode is on: syncing with ${result.target?.database ?? 'the shop'} now, no restart needed`)
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(null)
    }
  }

  async function remove() {
    setError(null)
    setBusy('remove')
    try {
      if (await asOwner((managerToken) => api.invoke('settings:removeShopDatabaseUrl', { managerToken }))) {
        toasts.success('Shop mode is off', 'This till sells on its own; what it pulled from the shop stays readable')
      }
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <form className="stack" onSubmit={save} aria-label="Shop database URL">
      <TextField
        label={saved ? 'New shop database URL' : 'Shop database URL'}
        type="password"
        placeholder="postgresql://user:password@host:5432/shop"
        autoComplete="off"
        spellCheck={false}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={error}
        hint="Owner only. CourseTill connects with it before saving; stored encrypted, and the password is never shown again. Takes effect at once."
      />
      <div className="row end">
        {saved && (
          <Button variant="ghost" busy={busy === 'remove'} onClick={() => void remove()}>
            Stop shop mode and remove
          </Button>
        )}
        <Button variant="primary" type="submit" busy={busy === 'save'} disabled={!url.trim()}>
          Connect and save
        </Button>
      </div>
    </form>
  )
}
