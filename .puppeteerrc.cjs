/**
 * Puppeteer must never try to download its own browser during `npm install`:
 * on clinic machines and CI the only network is the package registry, and the
 * download either fails the install or fails quietly. src/handouts/browser.ts
 * finds a browser at run time instead (see README, "Which browser is used").
 * @type {import("puppeteer").Configuration}
 */
module.exports = {
  skipDownload: true,
};
