// One labelled input of the sandbox card form, with its inline error line.
// Real <label for> elements give each input an accessible name ("Card number", ...),
// so people using screen readers, and tests using getByLabel, find them.

import type { CardField } from './card-field-errors'

export interface CardInput {
  field: CardField
  wrapper: HTMLDivElement
  input: HTMLInputElement
  error: HTMLDivElement
}

interface CardInputSpec {
  label: string
  placeholder: string
  autocomplete: string
  inputMode: 'numeric' | 'text'
  wide: boolean
}

const SPECS: Readonly<Record<CardField, CardInputSpec>> = {
  number: { label: 'Card number', placeholder: '1234 1234 1234 1234', autocomplete: 'cc-number', inputMode: 'numeric', wide: true },
  expiry: { label: 'Expiry (MM / YY)', placeholder: 'MM / YY', autocomplete: 'cc-exp', inputMode: 'numeric', wide: false },
  cvc: { label: 'CVC', placeholder: 'CVC', autocomplete: 'cc-csc', inputMode: 'numeric', wide: false },
  postcode: { label: 'Postcode', placeholder: 'Postcode', autocomplete: 'postal-code', inputMode: 'text', wide: true },
}

let formCount = 0

/** A prefix that keeps ids unique when several forms exist (React StrictMode mounts twice). */
export function nextFormIdPrefix(): string {
  formCount += 1
  return `ctsbx-${formCount}`
}

export function createCardInput(doc: Document, idPrefix: string, field: CardField): CardInput {
  const spec = SPECS[field]
  const inputId = `${idPrefix}-${field}`
  const errorId = `${inputId}-error`

  const wrapper = doc.createElement('div')
  wrapper.className = spec.wide ? 'ctsbx-field ctsbx-field--wide' : 'ctsbx-field'

  const label = doc.createElement('label')
  label.className = 'ctsbx-label'
  label.htmlFor = inputId
  label.textContent = spec.label

  const box = doc.createElement('div')
  box.className = 'ctsbx-box'

  const input = doc.createElement('input')
  input.id = inputId
  input.name = field
  input.type = 'text'
  input.className = field === 'number' ? 'ctsbx-input ctsbx-input--number' : 'ctsbx-input'
  input.placeholder = spec.placeholder
  input.autocomplete = spec.autocomplete as AutoFill
  input.inputMode = spec.inputMode
  input.spellcheck = false
  input.setAttribute('autocorrect', 'off')
  input.setAttribute('aria-describedby', errorId)
  box.append(input)

  const error = doc.createElement('div')
  error.id = errorId
  error.className = 'ctsbx-error'
  error.setAttribute('aria-live', 'polite')

  wrapper.append(label, box, error)
  return { field, wrapper, input, error }
}

/** Adds the brand name ("Visa") inside the card number box, where Elements shows the logo. */
export function createBrandBadge(doc: Document, numberInput: CardInput): HTMLSpanElement {
  const badge = doc.createElement('span')
  badge.className = 'ctsbx-brand'
  numberInput.input.insertAdjacentElement('afterend', badge)
  return badge
}

export function showInputError(cardInput: CardInput, message: string | null): void {
  cardInput.error.textContent = message ?? ''
  cardInput.input.setAttribute('aria-invalid', message ? 'true' : 'false')
}
