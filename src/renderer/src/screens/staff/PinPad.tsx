import { useId } from 'react'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const

/** A PIN field with a touch keypad beside the keyboard: each tap types a digit; the field shows dots only. */
export function PinPad({ label = 'PIN', value, onChange, error, autoFocus }: { label?: string; value: string; onChange: (pin: string) => void; error?: string | null; autoFocus?: boolean }) {
  const id = useId()
  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') return onChange('')
    if (key === 'back') return onChange(value.slice(0, -1))
    if (value.length < 8) onChange(value + key)
  }
  return (
    <div className="pin-pad">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          className="input pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          autoFocus={autoFocus}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, 8))}
        />
        {error && (
          <span id={`${id}-error`} className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="pin-keys" role="group" aria-label={`${label} keypad`}>
        {KEYS.map((key) => (
          <button key={key} type="button" className="btn btn-secondary pin-key" onClick={() => press(key)} aria-label={key === 'clear' ? 'Clear' : key === 'back' ? 'Delete last digit' : key}>
            {key === 'clear' ? 'C' : key === 'back' ? '⌫' : key}
          </button>
        ))}
      </div>
    </div>
  )
}
