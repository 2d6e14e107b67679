import type { ShopRevenue } from '@shared/insight'
import { formatDateTime } from '../../app/shop-format'
import { Panel } from '../../ui/Panel'
import { RevenueFigureCells, RevenueFigureHeads } from './RevenueFigures'
import { tillName } from '../orders/shop/shop-order-href'


/**
 * Shop mode: the other tills' money in the period, as pulled from the shop database (so it shows offline, as of
 * the last sync), and the whole shop per currency. Each currency stays on its own line: they are never added.
 */
export function ShopRevenuePanel({ shop }: { shop: ShopRevenue }) {
  const freshness = shop.asOf === null ? 'Shop history not synced yet' : `Shop history as of ${formatDateTime(shop.asOf)}`
  return (
    <Panel title="Whole shop" labelledBy="reports-whole-shop" actions={<span className="muted small" role="status">{freshness}</span>}>
      <div className="report-table">
        <table className="table">
          <caption className="visually-hidden">Revenue of the whole shop per currency: this till and the other tills</caption>
          <thead>
            <tr>
              <th scope="col">Till</th>
              <th scope="col">Currency</th>
              <th scope="col" className="num">
                Payments
              </th>
              <RevenueFigureHeads />
            </tr>
          </thead>
          <tbody>
            {shop.tills.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No money moved at the other tills in this period.
                </td>
              </tr>
            )}
            {shop.tills.map((till) => (
              <tr key={`${till.installation}-${till.currency}`}>
                <td className="mono" title={till.installation}>
                  {tillName(till.installation)}
                </td>
                <td>{till.currency}</td>
                <td className="num">
                  {till.payments}
                  {till.refundCount > 0 && ` (${till.refundCount} refunded)`}
                </td>
                <RevenueFigureCells row={till} currency={till.currency} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            {shop.wholeShop.map((total) => (
              <tr key={total.currency}>
                <th scope="row">All tills</th>
                <td>{total.currency}</td>
                <td />
                <RevenueFigureCells row={total} currency={total.currency} />
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
    </Panel>
  )
}
