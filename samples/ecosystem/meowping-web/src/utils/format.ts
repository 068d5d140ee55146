import padStart from 'lodash/padStart';

export function formatScore(score: number): string {
  return padStart(String(score), 4, '0');
}
