import { escapeHtml as e } from './escape';
import { Lang, MESSAGES } from './i18n';
import { renderDocument } from './layout';

/** Long enough for any real code; the rest of whatever was put in the URL is not echoed. */
const SHOWN_CODE_LENGTH = 40;

/** The answer to a code Suyuan never issued: say plainly the product may be counterfeit, and what to do. */
export function renderNotFoundPage(code: string, lang: Lang): string {
  const m = MESSAGES[lang];
  const shown = code.length > SHOWN_CODE_LENGTH ? `${code.slice(0, SHOWN_CODE_LENGTH)}…` : code;
  const steps = m.notFoundSteps.map((step) => `<li>${step}</li>`).join('');
  const body = `<header class="alert"><h1>⚠ ${m.notFoundTitle}</h1><p class="n">${m.notFoundBody}</p><p class="code">${m.notFoundScanned}${e(shown)}</p></header><section><h2>${m.notFoundWhatToDo}</h2><ol class="steps">${steps}</ol></section>`;
  return renderDocument(m, m.notFoundTitle, body);
}
