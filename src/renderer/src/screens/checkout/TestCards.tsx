// Sandbox mode only: the test cards a trainee can click to fill the card form.

const CARDS = [
  { number: '4242 4242 4242 4242', outcome: 'Succeeds' },
  { number: '4000 0025 0000 3155', outcome: '3-D Secure challenge' },
  { number: '4000 0000 0000 9995', outcome: 'Declined: insufficient funds' },
  { number: '4000 0000 0000 0002', outcome: 'Declined: generic' },
  { number: '4000 0000 0000 0069', outcome: 'Declined: expired card' },
  { number: '4000 0000 0000 0127', outcome: 'Declined: wrong CVC' },
]

function fill(label: RegExp, value: string) {
  const input = [...document.querySelectorAll<HTMLInputElement>('.checkout-card input')].find((el) => label.test(el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? ''))
  if (!input) return
  // Set through the native setter so the form's own input listeners see a typed value.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

export function TestCards() {
  const year = String((new Date().getFullYear() + 3) % 100).padStart(2, '0')
  return (
    <div className="test-cards" aria-label="Sandbox test cards">
      <div className="test-cards-title">Sandbox test cards — click to fill</div>
      <ul>
        {CARDS.map((card) => (
          <li key={card.number}>
            <button
              type="button"
              className="test-card"
              onClick={() => {
                fill(/card number/i, card.number)
                fill(/expiry/i, `12 / ${year}`)
                fill(/cvc/i, '123')
                fill(/postcode|postal/i, 'SW1A 1AA')
              }}
            >
              <span className="mono">{card.number}</span>
              <span className="muted small">{card.outcome}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
