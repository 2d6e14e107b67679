import type { Route } from '../app/route'
import { CheckoutScreen } from './checkout/CheckoutScreen'
import { CustomersScreen } from './customers/CustomersScreen'
import { OrderDetailScreen } from './orders/OrderDetailScreen'
import { OrdersScreen } from './orders/OrdersScreen'
import { ReportsScreen } from './reports/ReportsScreen'
import { SellScreen } from './sell/SellScreen'
import { SettingsScreen } from './settings/SettingsScreen'

const numeric = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : null)

/** One screen per route (#/screen/params…); each screen owns its data loading. */
export function ScreenRouter({ route }: { route: Route }) {
  const [first, second] = route.params
  switch (route.screen) {
    case 'sell': {
      const orderId = first === 'order' ? numeric(second) : null
      return orderId ? <CheckoutScreen orderId={orderId} /> : <SellScreen />
    }
    case 'orders': {
      const orderId = numeric(first)
      return orderId ? <OrderDetailScreen orderId={orderId} /> : <OrdersScreen />
    }
    case 'customers':
      return <CustomersScreen customerId={numeric(first)} />
    case 'reports':
      return <ReportsScreen />
    case 'settings':
      return <SettingsScreen />
  }
}
