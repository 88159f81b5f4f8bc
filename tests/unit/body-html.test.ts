/**
 * The page-body check (src/security/body-html.ts), run through Astro's own Markdown
 * processor (Sätteri) on small Markdown and MDX strings, as the build runs it.
 */
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyHtmlPlugin, normalizeAddress } from '../../src/security/body-html.ts';

const ROOT = new URL(`file://${process.cwd()}/`);

/** The check's error message for a page, or "" when the page passes. */
async function check(source: string, file: string): Promise<string> {
  const options = { hastPlugins: [bodyHtmlPlugin()], fileURL: new URL(file, ROOT) };
  try {
    if (file.endsWith('.mdx')) await mdxToJs(source, options);
    else markdownToHtml(source, options);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('HTML that page bodies may not carry', () => {
  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['<iframe src="https://example.org"></iframe>', '<iframe>'],
    ['<object data="x.swf"></object>', '<object>'],
    ['<embed src="x.swf">', '<embed>'],
    ['<meta http-equiv="refresh" content="0;url=https://example.org">', '<meta>'],
    ['<meta name="referrer" content="unsafe-url">', '<meta>'],
    ['<base href="https://example.org/">', '<base>'],
    ['<form action="https://example.org"><input name="q"></form>', '<form>'],
    ['<div onclick="steal()">Tap</div>', 'onclick'],
    ['<img src="x.png" alt="" ONERROR="steal()">', 'ONERROR'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['<a href="jav&#97;script&colon;alert(1)">x</a>', 'javascript:'],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', 'javascript:'],
  ])('Markdown with raw %s fails, naming file and line', async (html, named) => {
    const message = await check(`# Title\n\nSome text.\n\n${html}\n`, 'src/content/docs/raw.md');
    expect(message).toContain(`src/content/docs/raw.md:5: `);
    expect(message).toContain(named);
  });

  it.each([
    ['[call](javascript:alert(1))', 'javascript:'],
    ['[file](file:///etc/passwd)', 'file:'],
    ['[data](data:text/html;base64,PHNjcmlwdD4=)', 'data:'],
    ['![pixel](data:image/svg+xml;base64,PHN2Zy8+)', 'data:'],
  ])('a Markdown link or image %s fails', async (markdown, scheme) => {
    const message = await check(`# Title\n\n${markdown}\n`, 'src/content/docs/es/enlaces.md');
    expect(message).toContain(`src/content/docs/es/enlaces.md:3: `);
    expect(message).toContain(scheme);
  });

  it.each([
    ['<script>{"alert(1)"}</script>', '<script>'],
    ['<meta httpEquiv="refresh" content="0" />', '<meta>'],
    ['Text with <iframe src="https://example.org" /> inline.', '<iframe>'],
    ['<div onClick={() => undefined}>x</div>', 'onClick'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['[x](javascript:alert(1))', 'javascript:'],
  ])('MDX with %s fails, naming file and line', async (mdx, named) => {
    const message = await check(`# Title\n\n${mdx}\n`, 'src/content/docs/es/pagina.mdx');
    expect(message).toContain('src/content/docs/es/pagina.mdx:3: ');
    expect(message).toContain(named);
  });

  it('lists every problem of a page at once', async () => {
    const message = await check(
      '# T\n\n<script>x</script>\n\n[a](javascript:x)\n\n<base href="/">\n',
      'src/content/docs/many.md',
    );
    expect(message.match(/many\.md:\d+:/g)).toEqual(
      ['many.md:3:', 'many.md:5:', 'many.md:7:']
        .map((s) => `src/content/docs/${s}`)
        .map((s) => s.slice(s.indexOf('many'))),
    );
  });
});

describe('what page bodies may carry', () => {
  it('passes ordinary text, links, images, details, code showing tags, and components', async () => {
    const markdown = [
      '# Title',
      '',
      'A [link](https://example.org), a [page](/glossary/), [mail](mailto:care@example.org), [phone](tel:988).',
      '',
      '![A picture](/images/room.png)',
      '',
      '<details><summary>More</summary>Text about <abbr title="Food and Drug Administration">FDA</abbr>.</details>',
      '',
      'Code that shows a tag: `<script>`.',
      '',
      '```html',
      '<script>alert(1)</script>',
      '```',
      '',
      'Words like onion= and data: are fine in text.',
    ].join('\n');
    expect(await check(markdown, 'src/content/docs/fine.md')).toBe('');
    expect(
      await check(
        `import Aside from './Aside.astro';\n\n# Title\n\n<Aside onClose="x">Note</Aside>\n\n${markdown}`,
        'src/content/docs/fine.mdx',
      ),
    ).toBe('');
  });
});

describe('reading an address as the browser does', () => {
  it('decodes entities and drops spaces and control characters', () => {
    expect(normalizeAddress('java\tscript:x')).toBe('javascript:x');
    expect(normalizeAddress('&#x6A;avascript&#58;x')).toBe('javascript:x');
    expect(normalizeAddress(' DATA:text/html')).toBe('data:text/html');
  });
});
