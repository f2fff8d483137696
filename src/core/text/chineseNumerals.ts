/**
 * The value of a one-character Chinese numeral (三 → 3, 两 → 2, 十 → 10): the one table for the
 * counts the parser's money reading, the understanding (staff, sites, budget years) and the
 * deadlines read in Chinese.
 */
export const CN_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
