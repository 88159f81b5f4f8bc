/**
 * Warnings the build prints that say nothing about this site, left out so the ones
 * that do are seen. Each entry names the upstream issue; remove it once that is fixed.
 */

/** The part of a Rolldown warning the filter reads. */
export interface BundlerWarning {
  code?: string;
  message: string;
}

/**
 * Astro marks every MDX module with a "use astro:head-inject" directive, and Rolldown
 * warns on each one that it may not keep it; Astro does not need it kept
 * (withastro/astro#18087, open for Astro 7.3).
 */
export function isKnownHarmlessWarning(warning: BundlerWarning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}

/** A Rolldown `onwarn` that passes on every warning but the known harmless ones. */
export function onBundlerWarning<W extends BundlerWarning>(warning: W, passOn: (warning: W) => void): void {
  if (!isKnownHarmlessWarning(warning)) passOn(warning);
}
