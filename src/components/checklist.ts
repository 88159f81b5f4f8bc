/**
 * Makes the question checklists ("- [ ] question" in Markdown) tickable on screen. Markdown
 * renders them as disabled boxes, which the page asks the reader to tick. The ticks are kept
 * in this browser's localStorage, per page, and nothing is sent anywhere; a printout shows them.
 * Without JavaScript the boxes stay as they are built: hidden from screen readers, for paper.
 */
const BOXES = '.sl-markdown-content li.task-list-item > input[type="checkbox"]';

function storageKey(): string {
  return `guide-checklist:${location.pathname}`;
}

function readTicks(): Set<number> {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey()) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((value): value is number => Number.isInteger(value)) : []);
  } catch {
    // Storage blocked (private mode, policy) or damaged: start with no ticks.
    return new Set();
  }
}

function saveTicks(boxes: HTMLInputElement[]): void {
  const ticked = boxes.flatMap((box, index) => (box.checked ? [index] : []));
  try {
    localStorage.setItem(storageKey(), JSON.stringify(ticked));
  } catch {
    // The ticks still work on screen; they are just not kept for the next visit.
  }
}

function enableChecklists(): void {
  const boxes = [...document.querySelectorAll<HTMLInputElement>(BOXES)];
  if (boxes.length === 0) return;
  const ticks = readTicks();
  boxes.forEach((box, index) => {
    const item = box.parentElement;
    box.disabled = false;
    box.removeAttribute('aria-hidden');
    box.checked = ticks.has(index);
    // The question is the box's name ("Is it safe for me…?, checkbox, not checked").
    if (item) box.setAttribute('aria-label', (item.textContent ?? '').trim());
    box.addEventListener('change', () => saveTicks(boxes));
  });
  const note = document.querySelector<HTMLTemplateElement>('template[data-checklist-note]');
  const firstList = boxes[0]?.closest('ul');
  if (note && firstList) firstList.before(note.content.cloneNode(true));
}

enableChecklists();
