import { passesLuhn } from '@shared/luhn'
// Everything written to the log file passes through redact(): a log is copied into support tickets and
// chat, so it must never carry a key, a signing secret, a client secret, a tunnel token or card data.

const REDACTED = '[redacted]'

type Rule = [pattern: RegExp, replace: string | ((match: string, ...groups: string[]) => string)]

const RULES: Rule[] = [
  // Stripe secret and restricted keys; the prefix stays so a reader can tell test from live.
  [/\b(sk|rk)_(test|live)_[A-Za-z0-9_]+/g, `$1_$2_${REDACTED}`],
  [/\bwhsec_[A-Za-z0-9+/=_]+/g, `whsec_${REDACTED}`],
  // Client secrets (pi_…_secret_…, seti_…): the object id before them is useful and not secret.
  [/\b([a-z]{2,5}_[A-Za-z0-9]+)_secret_[A-Za-z0-9_]+/g, `$1_secret_${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // Named secrets in JSON, query strings or "name: value" text: authtoken, managerToken, client_secret, password…
  // (A value already redacted by a rule above, like a client secret keeping its intent id, is left as it is.)
  [/(\b[A-Za-z_-]*(?:token|secret|secret_?key|password|passphrase)\]?["']?\s*[:=]\s*["']?)(?!null\b)(?![^"'\s,&;}]*\[redacted\])[^"'\s,&;}\]]+/gi, `$1${REDACTED}`],
  [/(\b(?:pin|cvc2?|cvv2?|csc|cvn)\]?["']?\s*[:=]\s*["']?)\d{3,8}\b/gi, `$1${REDACTED}`],
  // ngrok authtokens have no prefix; their shape is a digit-led run, an underscore, another long run.
  [/\b\d[A-Za-z0-9]{20,40}_[A-Za-z0-9]{15,40}\b/g, REDACTED],
  // Card numbers: 13–19 digits (spaces or dashes allowed between them) that pass the Luhn check.
  // Only issuer ranges 2–6 are considered, so unix-millisecond timestamps (which start with 1) stay readable.
  [/(?<![\d.])[2-6](?:[ -]?\d){12,18}(?![\d.])/g, (match) => maskCard(match)],
]

export function redact(text: string, knownSecrets: readonly string[] = []): string {
  let out = text
  // Exact values first (an authtoken of any shape, a key typed with odd characters), longest first.
  for (const secret of [...knownSecrets].filter((s) => s.length >= 8).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED)
  }
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace as string)
  return out
}

function maskCard(candidate: string): string {
  const digits = candidate.replace(/\D/g, '')
  if (digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) return candidate
  return `[card …${digits.slice(-4)}]`
}

