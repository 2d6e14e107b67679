import { useEffect, useState } from 'react'
import { useToasts } from '../../../ui/toasts'

/** An id in mono with a button that copies it (for the Stripe dashboard's search box). */
export function CopyableId({ value, label }: { value: string; label: string }) {
  const toasts = useToasts()
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 1500)
    return () => clearTimeout(timer)
  }, [copied])
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied(true),
      () => toasts.error('Could not copy', 'Select the id and copy it by hand.'),
    )
  return (
    <span className="copyable">
      <code className="mono">{value}</code>
      <button type="button" className="copy-button" onClick={copy} aria-label={`Copy ${label} ${value}`} title="Copy">
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  )
}
