import { useState } from 'react'
import { api } from '../../api/transport'
import { useQuery } from '../../app/hooks'
import { useManagerAction } from '../../app/useManagerAction'
import { Panel } from '../../ui/Panel'
import { useToasts } from '../../ui/toasts'

/** Settings: publish the catalog to Stripe, so Payment Links and invoices made in the dashboard sell courses. */
export function CatalogInStripePanel() {
  const toasts = useToasts()
  const managerCall = useManagerAction()
  const [status, reload] = useQuery('catalog:stripe', {})
  const [busy, setBusy] = useState(false)
  if (status.state !== 'ready') return null
  const { enabled, published, archived, pending } = status.data
  return (
    <Panel title="Catalog in Stripe" labelledBy="settings-catalog-title">
      <div className="stack">
        <label className="row">
          <input
            type="checkbox"
            checked={enabled}
            disabled={busy}
            onChange={(event) => {
              const wanted = event.target.checked
              setBusy(true)
              managerCall((managerToken: string) => api.invoke('catalog:setPublishing', { enabled: wanted, managerToken }))
                .then((result) => {
                  if (result?.lastRun) toasts.success('Catalog published to Stripe', `${result.lastRun.published} new or changed, ${result.lastRun.archived} archived`)
                  reload()
                }, (error: Error) => toasts.error('The catalog could not be published', error.message))
                .finally(() => setBusy(false))
            }}
          />
          Publish courses as Stripe products and prices (so Payment Links and invoices made in Stripe are recognised)
        </label>
        <p className="muted">
          {published} course{published === 1 ? '' : 's'} in Stripe{archived > 0 ? `, ${archived} retired and archived` : ''}
          {enabled && pending > 0 ? `; ${pending} to publish at the next catch-up` : ''}.
        </p>
      </div>
    </Panel>
  )
}
