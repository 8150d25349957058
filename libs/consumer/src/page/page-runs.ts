import { Lang, Messages, MESSAGES } from './i18n';
import { PAGE_SECTIONS, PageSection, SectionScope, SectionViews } from './passport-page';

/** Sections next to each other on the page with one scope, rendered as one: its scope's `index`-th run. */
interface PageRun {
  scope: SectionScope;
  index: number;
  sections: PageSection[];
}

/** The page's runs, top to bottom, and each scope's. */
const PAGE_RUNS: PageRun[] = [];
const RUNS_BY_SCOPE: Partial<Record<SectionScope, PageRun[]>> = {};
for (const section of PAGE_SECTIONS) {
  const last = PAGE_RUNS[PAGE_RUNS.length - 1];
  if (last?.scope === section.scope) {
    last.sections.push(section);
    continue;
  }
  const ofScope = (RUNS_BY_SCOPE[section.scope] ??= []);
  const run = { scope: section.scope, index: ofScope.length, sections: [section] };
  ofScope.push(run);
  PAGE_RUNS.push(run);
}

/** Each scope's runs as rendered and kept, in page order: what `assemblePage` puts together. */
export type PageRuns = { readonly [S in SectionScope]: readonly Buffer[] };

/** A scope's runs of the page, in page order, as UTF-8. */
export function renderRuns<S extends SectionScope>(scope: S, view: SectionViews[S], lang: Lang): Buffer[] {
  const m = MESSAGES[lang];
  return (RUNS_BY_SCOPE[scope] ?? []).map((run) => {
    let html = '';
    // A run holds only sections of its scope, so each renders from that scope's view.
    for (const section of run.sections) html += (section.render as (view: SectionViews[S], m: Messages) => string)(view, m);
    return Buffer.from(html);
  });
}

/** The whole page from its runs: the bytes `renderPassportPage` gives for the same passport. */
export function assemblePage(runs: PageRuns): Buffer {
  return Buffer.concat(PAGE_RUNS.map((run) => runs[run.scope][run.index]));
}
