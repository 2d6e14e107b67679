import { useAppInfo } from '../../app/context'
import { Panel } from '../../ui/Panel'
import { CopyableId } from '../orders/detail/CopyButton'

/**
 * Which till this is. Several tills can share one Stripe account; this id is in the metadata of every payment
 * and refund this till makes there, so staff can tell in the Stripe dashboard which till took a payment.
 */
export function ThisTillPanel() {
  const info = useAppInfo()
  if (!info) return null
  return (
    <Panel title="This till" labelledBy="settings-this-till">
      <div className="stack">
      <dl className="settings-facts">
        <dt>Till id</dt>
        <dd>
          <CopyableId value={info.installationId} label="till id" />
        </dd>
        <dt>Version</dt>
        <dd>{info.version}</dd>
      </dl>
      <p className="muted">
        In the Stripe dashboard, this till's payments and refunds carry <code className="mono">coursetill_install</code> = this id in their
        metadata. A restored backup keeps it; a new data folder gets a new one.
      </p>
      </div>
    </Panel>
  )
}
