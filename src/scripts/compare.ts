/**
 * The compare page in the browser: reads `from` and `to` from the address, fetches the two recorded
 * texts (the raw `.md` files), diffs their bodies as the diff pages do (src/lib/diff/unified.ts) and
 * renders the diff with diff2html. The diff libraries are loaded only once two versions are asked for.
 */

interface PickedVersion {
  stamp: string;
  raw: string;
  bodyStartLine: number;
}

function pickedVersion(select: HTMLSelectElement, stamp: string | null): PickedVersion | null {
  const option = [...select.options].find((candidate) => candidate.value === stamp);
  if (!option || stamp === null) return null;
  return { stamp, raw: option.dataset.raw!, bodyStartLine: Number(option.dataset.bodyStart) };
}

async function fetchBody(version: PickedVersion): Promise<string> {
  const response = await fetch(version.raw);
  if (!response.ok) throw new Error(`Could not load version ${version.stamp} (${response.status} at ${version.raw}). Reload the page to try again.`);
  return (await response.text()).split('\n').slice(version.bodyStartLine).join('\n');
}

function show(status: HTMLElement, message: string): void {
  status.textContent = message;
  status.hidden = false;
}

async function compare(form: HTMLFormElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  if (!params.has('from') && !params.has('to')) return;
  const fromSelect = form.elements.namedItem('from') as HTMLSelectElement;
  const toSelect = form.elements.namedItem('to') as HTMLSelectElement;
  const status = document.getElementById('compare-status')!;
  const output = document.getElementById('compare-output')!;
  const from = pickedVersion(fromSelect, params.get('from'));
  const to = pickedVersion(toSelect, params.get('to'));
  if (!from || !to) {
    show(status, `This document has no version ${JSON.stringify(from ? params.get('to') : params.get('from'))}. Pick two versions from the lists.`);
    return;
  }
  fromSelect.value = from.stamp;
  toSelect.value = to.stamp;
  show(status, `Comparing ${from.stamp} with ${to.stamp}…`);
  try {
    const [[before, after], { versionsToUnifiedDiff }, { patchToHtml }] = await Promise.all([
      Promise.all([fetchBody(from), fetchBody(to)]),
      import('../lib/diff/unified'),
      import('./diff-html'),
    ]);
    const diff = versionsToUnifiedDiff(before, after, { fileLabel: form.dataset.file! });
    if (diff.status === 'identical') {
      show(status, `The texts of ${from.stamp} and ${to.stamp} are identical.`);
      return;
    }
    if (diff.status === 'binary') {
      show(status, `A text of ${from.stamp} or ${to.stamp} is binary: it cannot be compared line by line.`);
      return;
    }
    if (diff.status === 'too-large') {
      show(status, diff.reason);
      return;
    }
    output.querySelector('.diff')!.innerHTML = patchToHtml(diff.patch);
    output.hidden = false;
    show(status, `Changes from ${from.stamp} to ${to.stamp}.`);
  } catch (error) {
    show(status, error instanceof Error ? error.message : String(error));
  }
}

const form = document.querySelector<HTMLFormElement>('form.compare-form');
if (form) void compare(form);
