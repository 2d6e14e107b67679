// Stripe's decline and error codes in the words a cashier can say to a customer, with what to do next.

const REASONS: Record<string, string> = {
  insufficient_funds: 'Insufficient funds: ask the customer for another card',
  generic_decline: 'The card was declined: ask the customer for another card',
  card_declined: 'The card was declined: ask the customer for another card',
  do_not_honor: 'The bank declined the card: the customer should call their bank',
  lost_card: 'The card is reported lost: do not try it again',
  stolen_card: 'The card is reported stolen: do not try it again',
  expired_card: 'The card has expired: ask for another card',
  incorrect_cvc: 'The security code (CVC) is wrong: check it and try again',
  invalid_cvc: 'The security code (CVC) is wrong: check it and try again',
  incorrect_number: 'The card number is wrong: check it and try again',
  invalid_number: 'The card number is wrong: check it and try again',
  invalid_expiry_year: 'The expiry date is wrong: check it and try again',
  invalid_expiry_month: 'The expiry date is wrong: check it and try again',
  processing_error: 'The bank had a processing error: try again in a moment',
  payment_intent_authentication_failure: '3-D Secure authentication failed: try again or use another card',
  authentication_required: 'The bank asks for authentication: try again and complete 3-D Secure',
}

export function declineReason(code: string | null | undefined, fallback?: string | null): string {
  if (code && REASONS[code]) return REASONS[code]
  return fallback || 'The payment failed: try again or use another card'
}
