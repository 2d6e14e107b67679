import { useLiveEvents, useQuery } from '../../app/hooks'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { CatchUpPanel } from './CatchUpPanel'
import { GoLiveChecklist } from './GoLiveChecklist'
import { LogPanel } from './LogPanel'
import { ShopLocalePanel } from './ShopLocalePanel'
import { ShopNamePanel } from './ShopNamePanel'
import { StripePanel } from './StripePanel'
import { ThisTillPanel } from './ThisTillPanel'
import { WebhooksPanel } from './WebhooksPanel'
import { AutoChargePanel } from '../recurring/AutoChargePanel'
import { CreditSettingsPanel } from '../credit/CreditSettingsPanel'
import { CatalogInStripePanel } from './CatalogInStripePanel'
import { ShopDatabasePanel } from './ShopDatabasePanel'
import { DiscountLimitPanel } from './DiscountLimitPanel'

/** Settings: Stripe keys and mode, receipts, how webhooks reach the till, catch-up and the log. */
export function SettingsScreen() {
  const [status, reload] = useQuery('settings:status', {})
  // The tunnel, the endpoint and the keys report every change as live.changed.
  useLiveEvents((event) => event.type === 'live.changed' && reload())

  return (
    <div className="settings">
      <h1 className="settings-title" tabIndex={-1}>Settings</h1>
      {status.state === 'loading' && <Loading />}
      {status.state === 'error' && (
        <Panel>
          <EmptyState title="Settings could not be loaded">{status.message}</EmptyState>
        </Panel>
      )}
      {status.state === 'ready' && (
        <>
          <div className="settings-grid">
            <GoLiveChecklist status={status.data} />
            <div className="stack">
              <ShopNamePanel />
              <ShopLocalePanel />
              <AutoChargePanel />
              <CreditSettingsPanel />
              <CatalogInStripePanel />
              <DiscountLimitPanel />
            </div>
          </div>
          <details className="settings-technical">
            <summary>Technical details: Stripe keys, webhooks, catch-up, this till's id, the shop database and the log</summary>
            <div className="settings-grid">
              <div className="stack">
                <StripePanel status={status.data} />
                <ThisTillPanel />
                <ShopDatabasePanel />
              </div>
              <div className="stack">
                <WebhooksPanel status={status.data} />
                <CatchUpPanel />
              </div>
              <LogPanel />
            </div>
          </details>
        </>
      )}
    </div>
  )
}
