import { brandThemeCss, type BrandTheme } from './brand-theme.ts';

/** The module name astro.config.mjs lists in Starlight's `customCss`. */
export const BRAND_CSS_ID = 'virtual:guide/brand.css';
const RESOLVED_ID = `\0${BRAND_CSS_ID}`;

/**
 * A Vite plugin serving the brand colours as a CSS module. Bundling it like any
 * other stylesheet (rather than an inline `<style>` in the head) keeps it under
 * the site's Content-Security-Policy without a hash of its own.
 */
export function brandCssPlugin(theme: BrandTheme) {
  return {
    name: 'guide:brand-css',
    resolveId(id: string): string | undefined {
      return id === BRAND_CSS_ID ? RESOLVED_ID : undefined;
    },
    load(id: string): string | undefined {
      return id === RESOLVED_ID ? brandThemeCss(theme) : undefined;
    },
  };
}
