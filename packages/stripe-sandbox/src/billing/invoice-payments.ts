// `invoice.payments` (API 2025-03-31 and later): the InvoicePayment objects naming the PaymentIntents that pay an
// invoice. The sandbox makes one per invoice intent and keeps its status in step with the invoice.

import type Stripe from 'stripe'
import { newId } from '../store/ids'
import type { SandboxInvoice } from '../store/object-types'

export function withInvoicePayment(invoice: SandboxInvoice, pi: Stripe.PaymentIntent, created: number): SandboxInvoice {
  const payment: Stripe.InvoicePayment = {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: pi.amount,
    created,
    currency: pi.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: pi.id },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  }
  return { ...invoice, payments: { object: 'list', data: [payment], has_more: false, url: `/v1/invoice_payments?invoice=${invoice.id}` } }
}

/** The invoice was paid: its default payment is paid in full at `at`. */
export function markPaymentsPaid(invoice: SandboxInvoice, at: number): SandboxInvoice {
  if (!invoice.payments) return invoice
  const data = invoice.payments.data.map((payment) =>
    payment.is_default
      ? { ...payment, status: 'paid', amount_paid: payment.amount_requested, status_transitions: { ...payment.status_transitions, paid_at: at } }
      : payment,
  )
  return { ...invoice, payments: { ...invoice.payments, data } }
}
