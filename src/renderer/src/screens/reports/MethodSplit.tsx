import type { CurrencyRevenue } from '@shared/insight'
import { Panel } from '../../ui/Panel'
import { METHOD_LABEL } from '../orders/detail/format'
import { RevenueFigureCells, RevenueFigureHeads } from './RevenueFigures'

/**
 * The period's money by tender in one currency: card, cash and store credit, each with what it brought in and what
 * its refunds gave back. Store credit is money the till owed the customer, so a manager sees it apart from takings.
 */
export function MethodSplit({ revenue, whose = '' }: { revenue: CurrencyRevenue; whose?: string }) {
  const id = `method-split-${revenue.currency}`
  return (
    <Panel title={`Revenue by method · ${revenue.currency}${whose}`} labelledBy={id}>
      <div className="report-table">
        <table className="table">
          <caption className="visually-hidden">{`Revenue by payment method in ${revenue.currency}`}</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <RevenueFigureHeads />
            </tr>
          </thead>
          <tbody>
            {revenue.methods.map((row) => (
              <tr key={row.method}>
                <th scope="row">{METHOD_LABEL[row.method]}</th>
                <RevenueFigureCells row={row} currency={revenue.currency} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  )
}
