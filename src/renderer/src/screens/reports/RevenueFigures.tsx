import type { RevenueFigures } from '@shared/insight'
import { Money } from '../../ui/Money'

/** The three money columns every revenue table shows, in one currency: never added across currencies. */
export function RevenueFigureCells({ row, currency }: { row: RevenueFigures; currency: string }) {
  return (
    <>
      <td className="num">
        <Money amount={row.gross} currency={currency} />
      </td>
      <td className="num">
        <Money amount={row.refunds} currency={currency} />
      </td>
      <td className="num">
        <Money amount={row.net} currency={currency} />
      </td>
    </>
  )
}

export function RevenueFigureHeads() {
  return (
    <>
      <th scope="col" className="num">
        Gross
      </th>
      <th scope="col" className="num">
        Refunds
      </th>
      <th scope="col" className="num">
        Net
      </th>
    </>
  )
}
