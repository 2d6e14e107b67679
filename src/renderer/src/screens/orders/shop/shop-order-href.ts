// The link to another till's order, for every list of the other tills' orders (Orders, Customers…) to use.
export { parseShopOrderParams, shopOrderHref, tillName } from '@shared/shop-order-route'
