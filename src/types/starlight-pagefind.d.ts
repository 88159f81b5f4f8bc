/** Starlight's Pagefind UI options (astro.config.mjs `pagefind`), as its search script reads them. See src/components/search-ui.ts. */
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
