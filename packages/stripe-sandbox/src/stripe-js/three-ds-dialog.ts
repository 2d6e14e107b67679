// The sandbox's stand-in for the bank's 3-D Secure challenge. Stripe.js shows the
// bank's page in a modal; here the operator picks the outcome. Closing the dialog
// (Escape) counts as failing, as abandoning a real challenge does.

import type { ThreeDsOutcome } from './sandbox-api'
import { adoptSandboxStyles } from './sandbox-styles'

const EXPLANATION =
  'This is a sandbox test challenge: no bank is contacted and no money moves. ' +
  'Choose Complete to pass 3D Secure authentication, or Fail to see how checkout handles a failed one.'

export function askThreeDsOutcome(doc: Document): Promise<ThreeDsOutcome> {
  adoptSandboxStyles(doc)
  const dialog = doc.createElement('dialog')
  dialog.className = 'ctsbx-3ds'
  dialog.setAttribute('aria-label', '3D Secure authentication')

  const bank = doc.createElement('p')
  bank.className = 'ctsbx-3ds-bank'
  bank.textContent = 'Sandbox bank'
  const title = doc.createElement('h2')
  title.className = 'ctsbx-3ds-title'
  title.textContent = 'Confirm this payment'
  const text = doc.createElement('p')
  text.className = 'ctsbx-3ds-text'
  text.textContent = EXPLANATION

  const fail = createButton(doc, 'Fail', 'ctsbx-button')
  const complete = createButton(doc, 'Complete', 'ctsbx-button ctsbx-button--primary')
  const actions = doc.createElement('div')
  actions.className = 'ctsbx-3ds-actions'
  actions.append(fail, complete)

  dialog.append(bank, title, text, actions)
  doc.body.append(dialog)
  dialog.showModal()
  complete.focus()

  return new Promise<ThreeDsOutcome>((resolve) => {
    const finish = (outcome: ThreeDsOutcome): void => {
      dialog.close()
      dialog.remove()
      resolve(outcome)
    }
    complete.addEventListener('click', () => finish('complete'))
    fail.addEventListener('click', () => finish('fail'))
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault()
      finish('fail')
    })
  })
}

function createButton(doc: Document, label: string, className: string): HTMLButtonElement {
  const button = doc.createElement('button')
  button.type = 'button'
  button.className = className
  button.textContent = label
  return button
}
