import { useState } from 'react'
import type { CreditEntry } from '@shared/credit'
import { formatMoney } from '@shared/money'
import { useLiveEvents, useQuery } from '../../app/hooks'
import { Button } from '../../ui/Button'
import { EmptyState, Loading, Panel } from '../../ui/Panel'
import { formatShortDateTime } from '../orders/detail/format'
import { AdjustCreditDialog } from './AdjustCreditDialog'
import { RedeemCouponForm } from './RedeemCouponForm'

const KIND_LABEL: Record<CreditEntry['kind'], string> = { grant: 'Granted', spend: 'Spent', refund: 'Returned', adjust: 'Adjusted', expire: 'Expired' }
const SOURCE_LABEL: Record<CreditEntry['source'], string> = {
  manager: 'by a manager',
  checkout: 'at checkout',
  order_canceled: 'order canceled',
  refund: 'refund',
  referral: 'referral bonus',
  referral_reversed: 'referral bonus reversed',
  coupon: 'coupon',
}

/** A customer's store credit: balances per currency, the ledger they are the sum of, referrals and coupons. */
export function CustomerCreditPanel({ customerId }: { customerId: number }) {
  const [credit, reload] = useQuery('credit:get', { customerId })
  const [adjusting, setAdjusting] = useState(false)
  useLiveEvents((event) => event.type === 'credit.changed' && event.accountId === customerId && reload())
  if (credit.state === 'loading') return <Loading label="Reading the credit…" />
  if (credit.state === 'error') {
    return (
      <Panel title="Store credit" labelledBy="customer-credit-title">
        <p role="alert" className="inline-error">
          {credit.message}
        </p>
      </Panel>
    )
  }
  const c = credit.data
  return (
    <Panel
      title="Store credit"
      labelledBy="customer-credit-title"
      className="customer-credit"
      actions={
        <Button size="sm" onClick={() => setAdjusting(true)}>
          Adjust…
        </Button>
      }
    >
      <div className="stack">
        <div className="credit-balances" role="group" aria-label="Credit balances">
          {c.balances.filter((b) => b.balance !== 0).length === 0 ? (
            <span className="muted">No credit</span>
          ) : (
            c.balances
              .filter((b) => b.balance !== 0)
              .map((b) => (
                <span key={b.currency} className="credit-balance-amount" data-currency={b.currency}>
                  {formatMoney(b.balance, b.currency)}
                </span>
              ))
          )}
        </div>
        <dl className="order-facts">
          <div>
            <dt>Referral code</dt>
            <dd>
              <code className="mono" data-testid="referral-code">
                {c.referralCode}
              </code>
            </dd>
          </div>
          {c.referredBy && (
            <div>
              <dt>Referred by</dt>
              <dd>
                <a href={`#/customers/${c.referredBy.accountId}`}>{c.referredBy.name}</a>
              </dd>
            </div>
          )}
          {c.referrals.length > 0 && (
            <div>
              <dt>Referred</dt>
              <dd>
                {c.referrals.map((r, i) => (
                  <span key={r.accountId}>
                    {i > 0 && ', '}
                    <a href={`#/customers/${r.accountId}`}>{r.name}</a> <span className="muted small">({r.bonus === 'waiting' ? 'no qualifying purchase yet' : r.bonus === 'paid' ? 'bonus paid' : 'bonus reversed'})</span>
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
        <RedeemCouponForm customerId={customerId} onRedeemed={reload} />
        {c.entries.length === 0 ? (
          <EmptyState title="No credit yet">Referral bonuses, coupons and refunds of credit appear here.</EmptyState>
        ) : (
          <table className="table" aria-labelledby="customer-credit-title">
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th className="num">Amount</th>
                <th className="num">Balance</th>
              </tr>
            </thead>
            <tbody>
              {c.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatShortDateTime(entry.createdAt)}</td>
                  <td>
                    {KIND_LABEL[entry.kind]} <span className="muted small">{SOURCE_LABEL[entry.source]}</span>
                    {entry.orderId && (
                      <>
                        {' '}
                        <a href={`#/orders/${entry.orderId}`}>#{entry.orderId}</a>
                      </>
                    )}
                    {entry.reason && <div className="muted small">{entry.reason}</div>}
                    {entry.expiresAt !== null && <div className="muted small">Unspent part expires {formatShortDateTime(entry.expiresAt)}</div>}
                  </td>
                  <td className="num">{formatMoney(entry.amount, entry.currency)}</td>
                  <td className="num">{formatMoney(entry.balanceAfter, entry.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <AdjustCreditDialog open={adjusting} customerId={customerId} balances={c.balances} onClose={() => setAdjusting(false)} onAdjusted={reload} />
    </Panel>
  )
}
