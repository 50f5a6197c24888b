import { readdir } from 'node:fs/promises';

// Folders read at once. A built site has a folder per page (`a/b/index.html`), so a listing is
// hundreds of thousands of readdir calls; one at a time (fs.readdir's `recursive`), contrib's site
// took 10 s with its folders in the kernel's cache and 27 s without, 32 at once 1.5 s and 6.9 s.
const FOLDERS_READ_AT_ONCE = 32;

/** Every file of a built site, relative to it with forward slashes, sorted. */
export function listBuiltFiles(site: string): Promise<string[]> {
  const files: string[] = [];
  const folders: string[] = [''];
  let reading = 0;
  return new Promise((resolve, reject) => {
    // Starts reads of the folders waiting, up to FOLDERS_READ_AT_ONCE; each read that ends calls it
    // again with the folders it found. The listing ends when nothing waits and nothing is read.
    const readMore = () => {
      if (!folders.length && !reading) resolve(files.sort());
      while (folders.length && reading < FOLDERS_READ_AT_ONCE) {
        const folder = folders.pop()!;
        reading += 1;
        readdir(folder ? `${site}/${folder}` : site, { withFileTypes: true }).then((entries) => {
          for (const entry of entries) {
            const path = folder ? `${folder}/${entry.name}` : entry.name;
            if (entry.isDirectory()) folders.push(path);
            else if (entry.isFile()) files.push(path);
          }
          reading -= 1;
          readMore();
        }, reject);
      }
    };
    readMore();
  });
}

/** Every HTML file of a built site, as listBuiltFiles gives them: one listing serves the sitemaps and the search index. */
export async function listHtmlFiles(site: string): Promise<string[]> {
  return (await listBuiltFiles(site)).filter((file) => file.endsWith('.html'));
}
