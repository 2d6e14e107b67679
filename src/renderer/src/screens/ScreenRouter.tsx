import type { Route } from '../app/route'
import { EmptyState, Panel } from '../ui/Panel'
import { SellScreen } from './sell/SellScreen'
import { CheckoutScreen } from './checkout/CheckoutScreen'

/** One screen per route; each screen file owns its own data loading. */
export function ScreenRouter({ route }: { route: Route }) {
  switch (route.screen) {
    case 'sell': {
      const [view, id] = route.params
      if (view === 'order' && id && /^\d+$/.test(id)) return <CheckoutScreen orderId={Number(id)} />
      return <SellScreen />
    }
    default:
      return (
        <Panel title={route.screen[0]!.toUpperCase() + route.screen.slice(1)}>
          <EmptyState title="Coming in this release">This screen is being built.</EmptyState>
        </Panel>
      )
  }
}
