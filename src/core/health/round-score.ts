/** Rounds a health score to one decimal, the precision every score is reported with. */
export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}
