// Display formatting of the card inputs while the customer types, keeping the
// caret where they were typing even though spaces and " / " appear or vanish.

import type { CardField } from './card-field-errors'
import { caretAfterDigits, digitsOnly, formatCardNumber, formatExpiry, sanitisePostcode } from './card-validation'

/** `deleting` stops the expiry from re-adding the " / " that backspace just removed. */
export function formatFieldValue(field: CardField, value: string, deleting: boolean): string {
  switch (field) {
    case 'number':
      return formatCardNumber(value)
    case 'expiry':
      return formatExpiry(value, deleting)
    case 'cvc':
      return digitsOnly(value).slice(0, 4) // trimmed to the brand's length once the brand is known
    case 'postcode':
      return sanitisePostcode(value)
  }
}

export function reformatInput(input: HTMLInputElement, field: CardField, deleting: boolean): void {
  const raw = input.value
  const formatted = formatFieldValue(field, raw, deleting)
  if (formatted === raw) return
  const caret = input.selectionStart ?? raw.length
  input.value = formatted
  if (input.ownerDocument.activeElement !== input) return
  const position = newCaretPosition(field, raw, formatted, caret)
  input.setSelectionRange(position, position)
}

function newCaretPosition(field: CardField, raw: string, formatted: string, caret: number): number {
  if (caret >= raw.length) return formatted.length
  if (field === 'postcode') return Math.min(caret, formatted.length)
  return caretAfterDigits(formatted, digitsOnly(raw.slice(0, caret)).length)
}
