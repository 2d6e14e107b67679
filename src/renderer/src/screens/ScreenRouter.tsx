import type { ReactNode } from 'react'
import type { Route } from '../app/route'
import { CheckoutScreen } from './checkout/CheckoutScreen'
import { CustomersScreen } from './customers/CustomersScreen'
import { OrderDetailScreen } from './orders/OrderDetailScreen'
import { OrdersScreen } from './orders/OrdersScreen'
import { parseShopOrderParams } from './orders/shop/shop-order-href'
import { ShopOrderScreen } from './orders/shop/ShopOrderScreen'
import { ReportsScreen } from './reports/ReportsScreen'
import { SellScreen } from './sell/SellScreen'
import { SettingsScreen } from './settings/SettingsScreen'
import { ShiftScreen } from './shift/ShiftScreen'
import { StaffScreen } from './staff/StaffScreen'
import { UnmatchedScreen } from './unmatched/UnmatchedScreen'

const numeric = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : null)

/**
 * Screens without a visible title of their own get a level-one heading for screen readers; the Shell moves focus
 * to the screen's h1 on navigation, so the new screen is announced.
 */
function Titled({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 className="visually-hidden" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  )
}

/** One screen per route (#/screen/params…); each screen owns its data loading. */
export function ScreenRouter({ route }: { route: Route }) {
  const [first, second] = route.params
  switch (route.screen) {
    case 'sell': {
      const orderId = first === 'order' ? numeric(second) : null
      return orderId ? (
        <Titled title={`Checkout, order ${orderId}`}>
          <CheckoutScreen orderId={orderId} />
        </Titled>
      ) : (
        <Titled title="Sell">
          <SellScreen />
        </Titled>
      )
    }
    case 'orders': {
      // #/orders/till/<installation>/<orderId>: another till's order, from the shop history held here.
      const shopOrder = parseShopOrderParams(route.params)
      if (shopOrder) return <ShopOrderScreen key={`${shopOrder.installation}/${shopOrder.orderId}`} {...shopOrder} />
      const orderId = numeric(first)
      return orderId ? (
        <OrderDetailScreen orderId={orderId} />
      ) : (
        <Titled title="Orders">
          <OrdersScreen />
        </Titled>
      )
    }
    case 'customers':
      return numeric(first) ? (
        <CustomersScreen customerId={numeric(first)} />
      ) : (
        <Titled title="Customers">
          <CustomersScreen customerId={null} />
        </Titled>
      )
    case 'reports':
      return (
        <Titled title="Reports">
          <ReportsScreen />
        </Titled>
      )
    case 'settings':
      return <SettingsScreen />
    case 'shift':
      return <ShiftScreen />
    case 'staff':
      return <StaffScreen />
    case 'unmatched':
      return <UnmatchedScreen />
  }
}
