/** Formatting of money, percentages and durations in report text (Chinese conventions). */
import type { MoneyAmount } from '../facts/money';
import type { Money } from './reportModel';

const SYMBOL: Record<string, string> = { USD: '$', CNY: '¥', EUR: '€', GBP: '£', SGD: 'S$', HKD: 'HK$', JPY: '¥' };

/** 1200000 USD → "$120万"; 150000000 CNY → "¥1.5亿". */
export function formatAmount(amount: number, currency: string): string {
  const symbol = SYMBOL[currency] ?? `${currency} `;
  if (amount >= 1e8) return `${symbol}${round(amount / 1e8, 2)}亿`;
  if (amount >= 1e4) return `${symbol}${round(amount / 1e4, 1)}万`;
  return `${symbol}${round(amount, 0)}`;
}

export function toMoney(m: MoneyAmount): Money {
  return { amount: m.amount, currency: m.currency, text: formatAmount(m.amount, m.currency) + (m.perYear ? '/年' : '') };
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function percent(n: number): string {
  return `${round(n, 1)}%`;
}
