// Draws the sandbox Payment Element's card form into the element's mount node and
// keeps it behaving like Stripe's: formatting while typing, brand, inline errors
// at the right moment, moving to the next field when one is complete.

import type { Appearance } from '@stripe/stripe-js'
import {
  areCardValuesEmpty,
  CARD_FIELDS,
  cardFieldErrors,
  shouldShowFieldError,
  type CardField,
  type CardFieldErrors,
  type CardFieldValues,
} from './card-field-errors'
import { createBrandBadge, createCardInput, nextFormIdPrefix, showInputError, type CardInput } from './card-form-fields'
import { formatFieldValue, reformatInput } from './card-input-format'
import { BRAND_NAMES, detectBrand, digitsOnly, sanitiseCvc } from './card-validation'
import { adoptSandboxStyles, applyPalette, paletteFor } from './sandbox-styles'

export interface CardFormState {
  empty: boolean
  complete: boolean
}

export interface CardFormCallbacks {
  onChange(state: CardFormState): void
  onFocus(): void
  onBlur(): void
  onEscape(): void
}

export interface CardFormOptions {
  appearance: Appearance | undefined
  initialValues: CardFieldValues
  readOnly: boolean
}

export interface CardForm {
  values(): CardFieldValues
  errors(): CardFieldErrors
  /** Shows every error, empty fields included, as Elements does on submit. */
  revealAllErrors(): void
  setReadOnly(readOnly: boolean): void
  setAppearance(appearance: Appearance | undefined): void
  clear(): void
  focus(): void
  blur(): void
  remove(): void
}

// Non-breaking spaces keep the example number on one line.
const TEST_CARD_NOTE = 'Sandbox: no real payment is made. Use a Stripe test card such as 4242\u00a04242\u00a04242\u00a04242.'

export function drawCardForm(container: HTMLElement, options: CardFormOptions, callbacks: CardFormCallbacks): CardForm {
  const doc = container.ownerDocument
  adoptSandboxStyles(doc)
  const root = doc.createElement('div')
  root.className = 'ctsbx-form'
  root.setAttribute('role', 'group')
  root.setAttribute('aria-label', 'Card details')
  applyPalette(root, paletteFor(options.appearance))

  const idPrefix = nextFormIdPrefix()
  const inputs = Object.fromEntries(CARD_FIELDS.map((field) => [field, createCardInput(doc, idPrefix, field)])) as Record<
    CardField,
    CardInput
  >
  const brandBadge = createBrandBadge(doc, inputs.number)
  const note = doc.createElement('p')
  note.className = 'ctsbx-note'
  note.textContent = TEST_CARD_NOTE
  root.append(...CARD_FIELDS.map((field) => inputs[field].wrapper), note)

  const touched = new Set<CardField>()
  let submitted = false

  const values = (): CardFieldValues => ({
    number: inputs.number.input.value,
    expiry: inputs.expiry.input.value,
    cvc: inputs.cvc.input.value,
    postcode: inputs.postcode.input.value,
  })
  const errors = (): CardFieldErrors => cardFieldErrors(values(), new Date())

  function refreshErrors(): CardFieldErrors {
    const current = errors()
    for (const field of CARD_FIELDS) {
      const empty = inputs[field].input.value.trim() === ''
      const visible = shouldShowFieldError(current[field], { empty, touched: touched.has(field), submitted })
      showInputError(inputs[field], visible ? (current[field]?.message ?? null) : null)
    }
    return current
  }

  function refreshBrand(): void {
    const brand = detectBrand(digitsOnly(inputs.number.input.value))
    brandBadge.textContent = BRAND_NAMES[brand]
    root.dataset.cardBrand = brand
    // A CVC typed for an Amex is one digit too long once the number changes to a Visa.
    const cvc = sanitiseCvc(inputs.cvc.input.value, brand)
    if (cvc !== inputs.cvc.input.value) inputs.cvc.input.value = cvc
  }

  function announceChange(): CardFieldErrors {
    refreshBrand()
    const current = refreshErrors()
    const complete = CARD_FIELDS.every((field) => current[field] === null)
    callbacks.onChange({ empty: areCardValuesEmpty(values()), complete })
    return current
  }

  function onInput(field: CardField, event: Event): void {
    const deleting = event instanceof InputEvent && event.inputType.startsWith('delete')
    reformatInput(inputs[field].input, field, deleting)
    const current = announceChange()
    if (!deleting) advanceIfComplete(field, current)
  }

  function advanceIfComplete(field: CardField, current: CardFieldErrors): void {
    const input = inputs[field].input
    const caretAtEnd = input.selectionStart === input.value.length
    const next = CARD_FIELDS[CARD_FIELDS.indexOf(field) + 1]
    if (next && caretAtEnd && current[field] === null) inputs[next].input.focus()
  }

  for (const field of CARD_FIELDS) {
    const { input } = inputs[field]
    input.value = formatFieldValue(field, options.initialValues[field], true)
    input.disabled = options.readOnly
    input.addEventListener('input', (event) => onInput(field, event))
    input.addEventListener('blur', () => {
      touched.add(field)
      refreshErrors()
    })
  }
  root.addEventListener('focusin', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) callbacks.onFocus()
  })
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) callbacks.onBlur()
  })
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') callbacks.onEscape()
  })

  refreshBrand()
  container.append(root)

  return {
    values,
    errors,
    revealAllErrors() {
      submitted = true
      refreshErrors()
    },
    setReadOnly(readOnly) {
      for (const field of CARD_FIELDS) inputs[field].input.disabled = readOnly
    },
    setAppearance(appearance) {
      applyPalette(root, paletteFor(appearance))
    },
    clear() {
      for (const field of CARD_FIELDS) inputs[field].input.value = ''
      touched.clear()
      submitted = false
      announceChange()
    },
    focus() {
      inputs.number.input.focus()
    },
    blur() {
      if (root.contains(doc.activeElement) && doc.activeElement instanceof HTMLElement) doc.activeElement.blur()
    },
    remove() {
      root.remove()
    },
  }
}
