/**
 * Browser side of src/components/Search.astro: hands the patient-words rewrite to
 * Pagefind's UI, and shows the crisis panel for queries that read as a crisis.
 */
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';
import { isCrisisQuery } from '../lib/crisis-terms.ts';
import { patientSearchTerm } from '../lib/search-terms.ts';

// Starlight spreads this object into `new PagefindUI({...})` once the page is idle, after every
// module script has run, so the option set here reaches Pagefind. Starlight offers no public way
// to pass a function to Pagefind's UI; tests/unit/starlight-search.test.ts pins this contract
// and says what to do if an upgrade breaks it.
if (typeof pagefindUserConfig !== 'object' || pagefindUserConfig === null) {
  throw new Error("guide search: Starlight's Pagefind settings changed shape; see tests/unit/starlight-search.test.ts");
}
Object.assign(pagefindUserConfig, { processTerm: patientSearchTerm });

const INPUT = '.pagefind-ui__search-input';

/** Moves the crisis panel between the search box and the results, once Pagefind's UI exists. */
function placePanel(): void {
  const region = document.querySelector<HTMLElement>('[data-guide-crisis-region]');
  const search = document.querySelector<HTMLElement>('site-search dialog #starlight__search');
  const panel = region?.querySelector<HTMLElement>('[data-guide-crisis-panel]');
  if (!region || !search || !panel) return;
  const update = (): void => {
    panel.hidden = !isCrisisQuery(search.querySelector<HTMLInputElement>(INPUT)?.value ?? '');
  };
  const attach = (): boolean => {
    const drawer = search.querySelector('.pagefind-ui__drawer');
    if (!drawer) return false;
    // Pagefind's UI never moves the form's own children (box, clear button, results drawer), so the
    // panel stays where it is put: inside the modal dialog, under the box and above the results.
    drawer.before(region);
    return true;
  };
  if (!attach()) {
    const observer = new MutationObserver(() => attach() && observer.disconnect());
    observer.observe(search, { childList: true, subtree: true });
  }
  search.addEventListener('input', update);
  // The clear button and the Escape key empty the box without an input event.
  search.addEventListener('click', () => setTimeout(update));
  search.addEventListener('keyup', update);
}

placePanel();
