import { escapeHtml as e } from './escape';
import { formatNumber } from './format';
import type { Messages } from './i18n';

/** A label and its HTML; rows whose HTML is undefined or empty are left out. */
export type Row = [string, string | undefined];

export function rows(entries: Row[]): string {
  let html = '<dl>';
  for (const [label, value] of entries) if (value) html += `<dt>${label}</dt><dd>${value}</dd>`;
  return `${html}</dl>`;
}

export function list(itemsHtml: string[]): string {
  return `<ul>${itemsHtml.map((html) => `<li>${html}</li>`).join('')}</ul>`;
}

export function section(title: string, innerHtml: string, className?: string): string {
  return `<section${className ? ` class="${className}"` : ''}><h2>${title}</h2>${innerHtml}</section>`;
}

export function noRecord(m: Messages): string {
  return `<p class="muted">${m.noRecord}</p>`;
}

export function celsius(c: number): string {
  return `${num(c)} °C`;
}

/** A number as the page shows it, escaped. */
export function num(value: number): string {
  return e(formatNumber(value));
}
