import { describe, expect, it } from 'vitest';
import { pageUrlOf, splitProvisionRecords } from '../../../src/lib/search/provision-records';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>x</title></head><body><nav>Site</nav><div class="policy" data-pagefind-body>` +
  `<div hidden><span data-pagefind-meta="title:Acme Terms"></span><span data-pagefind-filter="platform:Acme"></span></div>${body}</div></body></html>`;

const record = (body: string) =>
  `<!doctype html><html lang="en"><body><div class="policy" data-pagefind-body=""><div hidden><span data-pagefind-meta="title:Acme Terms"></span><span data-pagefind-filter="platform:Acme"></span></div>${body}</div></body></html>`;

describe('splitProvisionRecords', () => {
  it('makes one record per provision, each with the page title and filters', () => {
    const records = splitProvisionRecords(
      page('<h2 id="fees" data-pagefind-title="Fees">Fees</h2><p>You pay.</p><h2 id="law" data-pagefind-title="Law">Law</h2><p>Utah &amp; co.</p>'),
    );
    expect(records).toEqual([
      { id: 'fees', html: record('<h2 id="fees" data-pagefind-title="Fees">Fees</h2><p>You pay.</p>') },
      { id: 'law', html: record('<h2 id="law" data-pagefind-title="Law">Law</h2><p>Utah &amp; co.</p>') },
    ]);
  });

  it('keeps text before the first provision as a record of its own', () => {
    const records = splitProvisionRecords(page('<p>Welcome.</p><h2 id="fees" data-pagefind-title="Fees">Fees</h2>'));
    expect(records?.map(({ id }) => id)).toEqual([null, 'fees']);
    expect(records?.[0]!.html).toBe(record('<p>Welcome.</p>'));
  });

  it('splits a list whose items are clauses, reopening the list without its id', () => {
    const records = splitProvisionRecords(
      page('<ol start="3" id="list"><li id="c3" data-pagefind-title="3. Fees">Fees due.</li><li id="c4" data-pagefind-title="4. Law">Utah.</li></ol><p>After.</p>'),
    );
    expect(records).toEqual([
      { id: 'c3', html: record('<ol start="3" id="list"><li id="c3" data-pagefind-title="3. Fees">Fees due.</li></ol>') },
      { id: 'c4', html: record('<ol start="3"><li id="c4" data-pagefind-title="4. Law">Utah.</li></ol><p>After.</p>') },
    ]);
  });

  it('keeps a clause that starts the list of a provision in the record of that provision', () => {
    const records = splitProvisionRecords(
      page('<ol id="terms" data-pagefind-title="Terms"><li id="t1" data-pagefind-title="1. Use">Use it.</li><li id="t2" data-pagefind-title="2. Stop">Stop.</li></ol>'),
    );
    expect(records).toEqual([
      { id: 'terms', html: record('<ol id="terms" data-pagefind-title="Terms"><li id="t1" data-pagefind-title="1. Use">Use it.</li></ol>') },
      { id: 't2', html: record('<ol><li id="t2" data-pagefind-title="2. Stop">Stop.</li></ol>') },
    ]);
  });

  it('leaves pages without provisions to be indexed whole', () => {
    expect(splitProvisionRecords(page('<h2 id="about">About</h2><p>Notes.</p>'))).toBeNull();
    expect(splitProvisionRecords('<html><body><p id="x" data-pagefind-title="X">Not indexed.</p></body></html>')).toBeNull();
  });

  it('keeps markup of tracked text escaped in the records', () => {
    const records = splitProvisionRecords(page('<h2 id="x" data-pagefind-title="&quot;&gt;&lt;b&gt;">x</h2><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'));
    expect(records?.[0]!.html).toContain('<h2 id="x" data-pagefind-title="&quot;><b>">x</h2><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});

describe('pageUrlOf', () => {
  it('gives the URL Pagefind gives a built page', () => {
    expect(pageUrlOf('chatgpt/terms-of-use/index.html')).toBe('/chatgpt/terms-of-use/');
    expect(pageUrlOf('index.html')).toBe('/');
    expect(pageUrlOf('notes/about.html')).toBe('/notes/about.html');
  });
});
