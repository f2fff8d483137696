/** Formatting of money, percentages and durations in report text (Chinese conventions). */

const SYMBOL: Record<string, string> = { USD: '$', CNY: '¥', EUR: '€', GBP: '£', SGD: 'S$', HKD: 'HK$', JPY: '¥' };

/** CNY per unit of each currency, for comparing estimates (made in CNY) with a budget; stated as an assumption. */
export const CNY_PER: Record<string, number> = { CNY: 1, USD: 7.2, EUR: 7.8, GBP: 9.1, HKD: 0.92, SGD: 5.3, JPY: 0.048 };
export const CNY_PER_USD = CNY_PER.USD!;

/** `amount` of `currency` in yuan, at the fixed planning rates (an unknown currency as yuan). */
export function inCny(amount: number, currency: string): number {
  return amount * (CNY_PER[currency] ?? 1);
}

/** `amount` of `from` in `to`, at the same rates (as it is when the two are one currency). */
export function inCurrency(amount: number, from: string, to: string): number {
  return from === to ? amount : inCny(amount, from) / (CNY_PER[to] ?? 1);
}

/** 1200000 USD → "$120万"; 150000000 CNY → "¥1.5亿". */
export function formatAmount(amount: number, currency: string): string {
  const symbol = SYMBOL[currency] ?? `${currency} `;
  if (amount >= 1e8) return `${symbol}${round(amount / 1e8, 2)}亿`;
  if (amount >= 1e4) return `${symbol}${round(amount / 1e4, amount >= 1e6 ? 0 : 1)}万`;
  return `${symbol}${round(amount, 0)}`;
}

/** `amount` as {@link formatAmount} shows it. */
function shownAmount(amount: number): number {
  if (amount >= 1e8) return round(amount / 1e8, 2) * 1e8;
  if (amount >= 1e4) return round(amount / 1e4, amount >= 1e6 ? 0 : 1) * 1e4;
  return round(amount, 0);
}

/** A range in one currency: "¥120–180万", "$35–52万", "¥1.1–1.6亿". */
export function formatRange(low: number, high: number, currency: string): string {
  const symbol = SYMBOL[currency] ?? `${currency} `;
  if (Math.round(low) === Math.round(high)) return formatAmount(low, currency);
  if (high >= 1e8) return `${symbol}${round(low / 1e8, 2)}–${round(high / 1e8, 2)}亿`;
  if (high >= 1e4) return `${symbol}${roundWan(low)}–${roundWan(high)}万`;
  return `${symbol}${round(low, 0)}–${round(high, 0)}`;
}

/**
 * `n` as {@link formatRange} shows it in the range `low`–`high`: a difference worked
 * from the shown figures adds up for the reader (¥4800万 − ¥2490万 is ¥2310万, not ¥2314万).
 */
export function shownInRange(n: number, low: number, high: number): number {
  if (Math.round(low) === Math.round(high)) return shownAmount(n);
  if (high >= 1e8) return round(n / 1e8, 2) * 1e8;
  if (high >= 1e4) return roundWan(n) * 1e4;
  return round(n, 0);
}

function roundWan(n: number): number {
  const wan = n / 1e4;
  return wan >= 100 ? Math.round(wan / 10) * 10 : wan >= 10 ? Math.round(wan) : round(wan, 1);
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

