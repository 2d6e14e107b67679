import type { AccountHolder } from './core/connection/account-holder'
import type { Connection } from './core/connection/connection'
import type { StripeEventEnvelope } from './core/payments/event-envelope'
import type { WebhookIngress } from './core/ports'

/**
 * The till's payments parts as the entry points and tests see them. Getters, because the parts tied to one
 * Stripe account are replaced whole when keys are saved in Settings.
 */
export function paymentsView(account: AccountHolder, webhook: WebhookIngress, connection: Connection) {
  return {
    get client() {
      return account.current().client
    },
    get stripe() {
      return account.current().stripe
    },
    get payments() {
      return account.current().payments
    },
    get refunds() {
      return account.current().refunds
    },
    get catchUp() {
      return account.current().catchUp
    },
    get sandbox() {
      return account.current().sandbox
    },
    webhook,
    connection,
    process: (event: StripeEventEnvelope) => account.current().process(event),
  }
}

export type PaymentsView = ReturnType<typeof paymentsView>
