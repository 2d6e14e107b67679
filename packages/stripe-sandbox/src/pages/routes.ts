import type { PageRoute } from '../http/pages'
import { checkoutPages } from './checkout-page'
import { threeDSecurePages } from './three-d-secure'

export const pageRoutes: readonly PageRoute[] = [...checkoutPages, ...threeDSecurePages]
