/**
 * Sätteri plugin (added by src/plugin/integration.ts): Markdown task lists ("- [ ] question") render as disabled,
 * unlabelled checkboxes. They are boxes to tick on the printed page; on screen they
 * cannot be ticked, and a screen reader would announce each as an unlabelled, dimmed
 * checkbox before the question. This hides them from assistive technology, so the
 * list reads as the list of questions it is (WCAG 4.1.2, axe's `label` rule).
 * When JavaScript runs, src/components/checklist.ts makes the boxes tickable and names
 * each one by its question; this is how they stay without it.
 */
import type { SatteriHastPlugin } from './satteri.ts';

function isTaskListItem(properties: Record<string, unknown> | undefined): boolean {
  const className = properties?.className;
  const classes = Array.isArray(className) ? className : typeof className === 'string' ? className.split(' ') : [];
  return classes.includes('task-list-item');
}

export const taskListBoxesPlugin: SatteriHastPlugin = {
  name: 'guide-task-list-boxes',
  element: {
    filter: ['input'],
    visit(node, ctx) {
      const parent = ctx.parent(node);
      if (node.properties?.type === 'checkbox' && parent?.tagName === 'li' && isTaskListItem(parent.properties)) {
        ctx.setProperty(node, 'ariaHidden', 'true');
      }
    },
  },
};
