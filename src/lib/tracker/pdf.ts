import { ExtractError } from '../errors';
import { normalizeMarkdown } from './normalize';

/**
 * Extracts the text of a PDF with pdfjs-dist: text items in reading order, a line break where pdf.js
 * marks the end of a line, a blank line between pages. PDFs carry no headings we could trust, so the
 * result is plain paragraphs.
 */
export async function pdfToText(bytes: Uint8Array, url: string, dateFormats: boolean): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    throw new ExtractError(`The PDF at ${url} cannot be read (${(error as Error).message}). Check that the URL still serves the policy.`, 'invalid-pdf', {
      cause: error,
    });
  }
  const pages: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
    }
  } finally {
    await task.destroy();
  }
  return normalizeMarkdown(pages.join('\n\n'), { dateFormats });
}
