/** How the command line prints a handout run's events: one line each, or nothing. */
import type { HandoutEvent } from './events.ts';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function formatEvent(event: HandoutEvent): string | undefined {
  switch (event.type) {
    case 'kept':
      return event.entries.length > 0
        ? `Kept ${plural(event.entries.length, 'unchanged PDF')} from the last run (--force renders them again)`
        : undefined;
    case 'rendering':
      return `Rendering ${plural(event.count, 'PDF')} with ${event.browser.executablePath} (${event.browser.source}), ${event.concurrency} at a time`;
    case 'written':
      return `[${event.done}/${event.total}] ${event.entry.file}  ${plural(event.entry.pages, 'page')}  ${(event.entry.bytes / 1024).toFixed(0)} KB  ${event.seconds.toFixed(2)} s`;
    case 'retrying':
      return `  retrying ${event.files.join(', ')}: ${event.reason}`;
    case 'blocked':
      return `  note: blocked ${event.urls.length} outside request(s) from ${event.file}: ${event.urls.join(', ')}`;
    case 'relaunching':
      return '  the browser stopped; starting a new one';
    case 'published':
      return undefined;
    case 'step':
      return event.note ? `  note: ${event.note}` : undefined;
    case 'done': {
      const rate = event.written > 0 ? `, ${(event.written / event.seconds).toFixed(1)} PDFs per second` : '';
      return `Done: rendered ${plural(event.written, 'PDF')}, kept ${event.kept} unchanged, in ${event.seconds.toFixed(1)} s${rate} -> ${event.out}`;
    }
  }
}
