import type { ApiRoute } from '../http/handler'
import { chargeRoutes } from './charges'
import { checkoutSessionRoutes } from './checkout-sessions'
import { customerRoutes } from './customers'
import { eventRoutes } from './events'
import { invoiceRoutes } from './invoices'
import { invoiceItemRoutes } from './invoice-items'
import { paymentIntentRoutes } from './payment-intents'
import { paymentMethodRoutes } from './payment-methods'
import { priceRoutes } from './prices'
import { productRoutes } from './products'
import { refundRoutes } from './refunds'
import { subscriptionRoutes } from './subscriptions'
import { testClockRoutes } from './test-clocks'
import { webhookEndpointRoutes } from './webhook-endpoints'

/** Every API route the sandbox answers; anything else is Stripe's "Unrecognized request URL". */
export const apiRoutes: readonly ApiRoute[] = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
  ...productRoutes,
  ...priceRoutes,
  ...subscriptionRoutes,
  ...invoiceRoutes,
  ...invoiceItemRoutes,
  ...checkoutSessionRoutes,
  ...testClockRoutes,
]
