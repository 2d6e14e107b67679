// Stripe's documented test cards and what a charge on each does. Unknown numbers that pass the Luhn
// check succeed, like any ordinary test card.

export interface Decline {
  /** The error `code` (and the charge's failure_code). */
  code: string
  declineCode: string
  message: string
  /** Charge.outcome fields for this decline. */
  networkStatus: 'declined_by_network' | 'not_sent_to_network'
  outcomeType: 'issuer_declined' | 'blocked'
  riskLevel: 'normal' | 'highest'
  sellerMessage: string
}

export type CardBehaviour =
  | { kind: 'succeed' }
  | { kind: 'authenticate' }
  | { kind: 'decline'; decline: Decline }
  | { kind: 'processing' }

/**
 * Sandbox-only (Stripe has no such test card): a card payment that sits in `processing` for a while, then
 * succeeds, as a delayed payment method does. It lets an integration see `payment_intent.processing`.
 */
export const DELAYED_SUCCESS_CARD = '4000009990000005'

export const DECLINE_MESSAGES = {
  generic: 'Your card was declined.',
  insufficientFunds: 'Your card has insufficient funds.',
  expired: 'Your card has expired.',
  incorrectCvc: "Your card's security code is incorrect.",
  processing: 'An error occurred while processing your card. Try again in a little bit.',
  incorrectNumber: 'Your card number is incorrect.',
} as const

function issuerDecline(code: string, declineCode: string, message: string): Decline {
  const sellerMessage =
    declineCode === 'generic_decline'
      ? 'The bank did not return any further details with this decline.'
      : `The bank returned the decline code \`${declineCode}\`.`
  return {
    code,
    declineCode,
    message,
    networkStatus: 'declined_by_network',
    outcomeType: 'issuer_declined',
    riskLevel: 'normal',
    sellerMessage,
  }
}

const BEHAVIOURS: Record<string, CardBehaviour> = {
  '4000000000000002': { kind: 'decline', decline: issuerDecline('card_declined', 'generic_decline', DECLINE_MESSAGES.generic) },
  '4000000000000341': { kind: 'decline', decline: issuerDecline('card_declined', 'generic_decline', DECLINE_MESSAGES.generic) },
  '4000000000009995': {
    kind: 'decline',
    decline: issuerDecline('card_declined', 'insufficient_funds', DECLINE_MESSAGES.insufficientFunds),
  },
  '4000000000009987': { kind: 'decline', decline: issuerDecline('card_declined', 'lost_card', DECLINE_MESSAGES.generic) },
  '4000000000009979': { kind: 'decline', decline: issuerDecline('card_declined', 'stolen_card', DECLINE_MESSAGES.generic) },
  '4000000000000069': { kind: 'decline', decline: issuerDecline('expired_card', 'expired_card', DECLINE_MESSAGES.expired) },
  '4000000000000127': {
    kind: 'decline',
    decline: issuerDecline('incorrect_cvc', 'incorrect_cvc', DECLINE_MESSAGES.incorrectCvc),
  },
  '4000000000000119': {
    kind: 'decline',
    decline: issuerDecline('processing_error', 'processing_error', DECLINE_MESSAGES.processing),
  },
  '4100000000000019': {
    kind: 'decline',
    decline: {
      code: 'card_declined',
      declineCode: 'fraudulent',
      message: DECLINE_MESSAGES.generic,
      networkStatus: 'not_sent_to_network',
      outcomeType: 'blocked',
      riskLevel: 'highest',
      sellerMessage: 'Stripe blocked this payment as too risky.',
    },
  },
  '4000002500003155': { kind: 'authenticate' },
  '4000002760003184': { kind: 'authenticate' },
  '4000000000003220': { kind: 'authenticate' },
  '4000000000003063': { kind: 'authenticate' },
  [DELAYED_SUCCESS_CARD]: { kind: 'processing' },
}

export function cardBehaviour(number: string): CardBehaviour {
  return BEHAVIOURS[number] ?? { kind: 'succeed' }
}

/** Stripe's `pm_card_*` test PaymentMethod tokens and the card each stands for. */
export const TEST_PAYMENT_METHOD_TOKENS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_chargeCustomerFail: '4000000000000341',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_visa_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_visa_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedStolenCard: '4000000000009979',
  pm_card_visa_chargeDeclinedStolenCard: '4000000000009979',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_visa_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_visa_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_visa_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_chargeDeclinedFraudulent: '4100000000000019',
  pm_card_radarBlock: '4100000000000019',
  pm_card_threeDSecure2Required: '4000000000003220',
  pm_card_threeDSecureRequired: '4000000000003063',
  pm_card_authenticationRequired: '4000002760003184',
  pm_card_authenticationRequiredOnSetup: '4000002500003155',
  pm_card_sandbox_delayedSuccess: DELAYED_SUCCESS_CARD,
}


export function cardBrand(number: string): string {
  if (/^4/.test(number)) return 'visa'
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard'
  if (/^3[47]/.test(number)) return 'amex'
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover'
  return 'unknown'
}

/** Debit test cards report `debit`; everything else here is a credit card. */
export function cardFunding(number: string): 'credit' | 'debit' {
  return number === '4000056655665556' ? 'debit' : 'credit'
}
