/**
 * Text for matching, not for showing: lower case with the accents taken off (NFD splits "ō" into "o" and a
 * combining mark, which is then dropped), so "shodo" finds "Shōdō" and "zoe" finds "Zoë".
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
