/**
 * The same page in another edition: English lives at the site root, every other
 * language in a folder of its own ("/es/glossary/"), below the base path.
 */
import { SUPPORTED_LANGUAGES, type Language } from './clinic-config.ts';

/** "/guide/es/glossary/" → "/guide/glossary/" for English, and back again for "es". */
export function otherLanguagePath(pathname: string, base: string, target: Language): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const inside = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\//, '');
  const [first = '', ...rest] = inside.split('/');
  const isLanguageFolder = (SUPPORTED_LANGUAGES as readonly string[]).includes(first) && first !== 'en';
  const page = isLanguageFolder ? rest.join('/') : inside;
  return `${root}${target === 'en' ? '' : `${target}/`}${page}`;
}
