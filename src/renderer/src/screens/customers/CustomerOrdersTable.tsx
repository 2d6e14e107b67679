import type { ReactNode } from 'react'
import { Money } from '../../ui/Money'
import { formatDateTime } from '../orders/detail/format'

export interface CustomerOrderLine {
  key: string
  href: string
  number: number
  /** Under the number: which other till took it (shop mode). */
  note?: ReactNode
  createdAt: number
  status: ReactNode
  amount: number
  currency: string
}

/** A customer's orders as the customer page lists them, this till's and other tills' alike. */
export function CustomerOrdersTable({ lines, labelledBy }: { lines: readonly CustomerOrderLine[]; labelledBy: string }) {
  return (
    <table className="table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th>Order</th>
          <th>Date</th>
          <th>Status</th>
          <th className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key}>
            <td>
              <a href={line.href}>#{line.number}</a>
              {line.note}
            </td>
            <td>{formatDateTime(line.createdAt)}</td>
            <td>{line.status}</td>
            <td className="num">
              <Money amount={line.amount} currency={line.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
