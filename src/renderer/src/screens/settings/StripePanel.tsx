import { useState, type FormEvent } from 'react'
import type { LiveStatus } from '@shared/live'
import { api } from '../../api/transport'
import { Badge } from '../../ui/Badge'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/Field'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'
import { fieldOf } from './manager-call'
import { useManagerAction } from '../../app/useManagerAction'

const MODE = {
  sandbox: { badge: <Badge tone="warning">Sandbox</Badge>, text: 'Payments go to the built-in Stripe sandbox on this computer: no money moves.' },
  test: { badge: <Badge tone="info">Stripe test mode</Badge>, text: 'Connected to Stripe in test mode: only test cards work, no money moves.' },
  live: { badge: <Badge tone="success">Live payments</Badge>, text: 'Connected to Stripe in live mode: real cards are charged.' },
} as const

const SOURCE = { sandbox: 'built in', environment: 'from the environment', saved: 'saved here, encrypted' } as const

/** Mode and keys: entered by a manager, checked with Stripe, applied at once; the secret is never shown again. */
export function StripePanel({ status }: { status: LiveStatus }) {
  const { keys } = status
  return (
    <Panel title="Stripe" labelledBy="settings-stripe" actions={MODE[keys.mode].badge}>
      <div className="stack">
        <p className="muted">{MODE[keys.mode].text}</p>
        {keys.mode !== 'sandbox' && (
          <dl className="settings-facts" aria-label="Keys in use">
            <dt>Publishable key</dt>
            <dd className="mono">{keys.publishableKey}</dd>
            <dt>Secret key</dt>
            <dd className="mono">{keys.secretKeyHint}</dd>
            <dt>Keys</dt>
            <dd>{SOURCE[keys.source]}</dd>
          </dl>
        )}
        {keys.problem && (
          <p className="settings-alert" role="alert">
            {keys.problem}
          </p>
        )}
        {keys.cannotSave && <p className="settings-note">{keys.cannotSave}</p>}
        {/* Keys from the environment win over saved ones, so a form here could change nothing. */}
        {keys.source !== 'environment' && <KeysForm saved={keys.source === 'saved'} />}
      </div>
    </Panel>
  )
}

function KeysForm({ saved }: { saved: boolean }) {
  const toasts = useToasts()
  const asManager = useManagerAction()
  const [publishableKey, setPublishableKey] = useState('')
  const [secretKey, setSecretKey] = useState('')
  const [errors, setErrors] = useState<{ field: string | null; message: string } | null>(null)
  const [busy, setBusy] = useState<'save' | 'forget' | null>(null)

  // Stripe.js, the page's CSP and the publishable key all change with the mode: start the page afresh.
  const reloadSoon = () => setTimeout(() => window.location.reload(), 800)

  async function save(event: FormEvent) {
    event.preventDefault()
    setErrors(null)
    setBusy('save')
    try {
      const result = await asManager((managerToken) => api.invoke('settings:saveKeys', { managerToken, publishableKey, secretKey }))
      if (!result) return
      setSecretKey('')
      setPublishableKey('')
      toasts.success(`Stripe keys saved: ${result.keys.mode} mode`, 'Reloading so checkout uses the new keys…')
      reloadSoon()
    } catch (error) {
      setErrors({ field: fieldOf(error), message: (error as Error).message })
    } finally {
      setBusy(null)
    }
  }

  async function forget() {
    setBusy('forget')
    try {
      if (await asManager((managerToken) => api.invoke('settings:forgetKeys', { managerToken }))) {
        toasts.success('Back on the sandbox', 'Reloading…')
        reloadSoon()
      }
    } catch (error) {
      toasts.error('The keys could not be removed', (error as Error).message)
    } finally {
      setBusy(null)
    }
  }

  const errorFor = (field: string) => (errors?.field === field ? errors.message : null)
  return (
    <form className="stack" onSubmit={save} aria-label="Stripe keys">
      <TextField label="Publishable key" placeholder="pk_live_… or pk_test_…" autoComplete="off" spellCheck={false} value={publishableKey} onChange={(e) => setPublishableKey(e.target.value)} error={errorFor('publishableKey')} />
      <TextField
        label="Secret key"
        type="password"
        placeholder="sk_live_… or rk_live_…"
        autoComplete="off"
        spellCheck={false}
        value={secretKey}
        onChange={(e) => setSecretKey(e.target.value)}
        error={errorFor('secretKey')}
        hint="Checked with Stripe before it is saved; stored encrypted and never shown again."
      />
      {errors && !errors.field && (
        <p className="field-error" role="alert">
          {errors.message}
        </p>
      )}
      <div className="row end">
        {saved && (
          <Button variant="ghost" busy={busy === 'forget'} onClick={() => void forget()}>
            Use the sandbox again
          </Button>
        )}
        <Button variant="primary" type="submit" busy={busy === 'save'} disabled={!publishableKey.trim() || !secretKey.trim()}>
          Check with Stripe and save
        </Button>
      </div>
    </form>
  )
}
