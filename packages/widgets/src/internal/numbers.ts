/**
 * A whole number with British digit grouping ("20,000"), written by hand: a page's first Intl number format loads locale
 * data, which takes hundreds of milliseconds on a slow phone.
 */
export const groupDigits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
