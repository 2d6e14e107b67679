import { passesLuhn } from './luhn'

// A card number typed into a note or a name would be stored, exported and logged verbatim: free text that holds
// one is refused instead. What counts: 13–19 digits, in one block or in groups joined by single spaces or
// dashes ("4242 4242 4242 4242", "3782-822463-10005"), passing the Luhn check, even with more groups beside it
// ("4242 4242 4242 4242 123" — a CVC typed after it).

const DIGIT_RUN = /\d+(?:[ -]\d+)*/g

export const CARD_LIKE_MESSAGE = 'looks like a card number; card numbers must never be typed here (remove it)'

/** True when text holds a card-like number. */
export function containsCardLikeNumber(text: string): boolean {
  for (const [run] of text.matchAll(DIGIT_RUN)) {
    const groups = run.split(/[ -]/)
    for (let start = 0; start < groups.length; start++) {
      let digits = ''
      for (let end = start; end < groups.length; end++) {
        digits += groups[end]
        if (digits.length > 19) break
        if (digits.length >= 13 && passesLuhn(digits)) return true
      }
    }
  }
  return false
}
