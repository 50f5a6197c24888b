/**
 * The structured summary shown above a diff and in feed items: the change's kind, the provisions
 * (sections) it added, removed and modified, the words it added and removed, and the date the
 * policy states before and after, with a silent edit flagged when the text changed but that date
 * did not. Provisions come in with ids that stay stable across versions (src/lib/provisions).
 */
import type { RecordKind } from '../history/commit-message';
import { provisionTitle } from '../provisions/heading';
import { findStatedDate, type StatedDate } from '../stated-date';
import { CHANGE_RULES, classifyChange, normalizeText, type ChangeKind, type ChangeRuleId } from './change-kind';
import { diffStats } from './unified';

/** The part of a provision a summary reads; an IdentifiedProvision of src/lib/provisions fits. */
export interface SummaryProvision {
  id: string;
  heading: string;
  text: string;
}

/** One version as a summary reads it. */
export interface SummaryVersion {
  text: string;
  provisions: readonly SummaryProvision[];
  /** The date the text states, when the caller has already looked for it (findStatedDate); else it is looked for here. */
  statedDate?: StatedDate | null;
}

const statedDateOf = (version: SummaryVersion) => (version.statedDate !== undefined ? version.statedDate : findStatedDate(version.text));

/** A provision named in a summary. */
export interface ProvisionRef {
  id: string;
  heading: string;
}

/** What a change did, in numbers and names. Word counts are null when the versions cannot be diffed (binary, too large). */
export interface ChangeSummary {
  kind: ChangeKind;
  rules: ChangeRuleId[];
  provisionsAdded: ProvisionRef[];
  provisionsRemoved: ProvisionRef[];
  provisionsModified: ProvisionRef[];
  wordsAdded: number | null;
  wordsRemoved: number | null;
  statedDateBefore: StatedDate | null;
  statedDateAfter: StatedDate | null;
  silentEdit: boolean;
}

const ALL_RULES: ReadonlySet<ChangeRuleId> = new Set(CHANGE_RULES.map((rule) => rule.id));

/** A text with every change rule applied: two provisions that differ only in noise are equal this way. */
export const normalizeFully = (text: string): string => normalizeText(text, ALL_RULES);

// A provision counts as modified when its heading or text differs beyond the noise the change
// rules ignore, so a rotated tracking id in one section never lists that section as modified.
function isModified(before: SummaryProvision, after: SummaryProvision, normalized: (text: string) => string): boolean {
  if (before.text === after.text && before.heading === after.heading) return false;
  return normalized(before.heading) !== normalized(after.heading) || normalized(before.text) !== normalized(after.text);
}

const toRef = ({ id, heading }: SummaryProvision): ProvisionRef => ({ id, heading });

/** What a change did to the whole text: its kind and the words it added and removed. It depends on the two texts and the commit kind only. */
export type TextChange = Pick<ChangeSummary, 'kind' | 'rules' | 'wordsAdded' | 'wordsRemoved'>;

/** Classifies the change from `before` to `after` and counts its words. */
export function measureTextChange(commitKind: RecordKind, before: string, after: string): TextChange {
  const { kind, rules } = classifyChange({ commitKind, before, after });
  const stats = diffStats(before, after);
  return { kind, rules, wordsAdded: stats?.wordsAdded ?? null, wordsRemoved: stats?.wordsRemoved ?? null };
}

/**
 * Summarises the change from `before` to `after`, the two versions with their provisions. A caller
 * that summarises a whole history may pass what it keeps from one change to the next: `textChange`,
 * when the same two texts came before (a history that goes back and forth), and `normalized`, a
 * memo of `normalizeFully` (a provision's text is compared as it is after one change and before the next).
 */
export function summarizeChange({
  commitKind,
  before,
  after,
  textChange = measureTextChange(commitKind, before.text, after.text),
  normalized = normalizeFully,
}: {
  commitKind: RecordKind;
  before: SummaryVersion;
  after: SummaryVersion;
  textChange?: TextChange;
  normalized?: (text: string) => string;
}): ChangeSummary {
  const { kind, rules, wordsAdded, wordsRemoved } = textChange;
  const beforeById = new Map(before.provisions.map((provision) => [provision.id, provision]));
  const afterIds = new Set(after.provisions.map((provision) => provision.id));
  const statedDateBefore = statedDateOf(before);
  const statedDateAfter = statedDateOf(after);
  return {
    kind,
    rules,
    provisionsAdded: after.provisions.filter((provision) => !beforeById.has(provision.id)).map(toRef),
    provisionsRemoved: before.provisions.filter((provision) => !afterIds.has(provision.id)).map(toRef),
    provisionsModified: after.provisions
      .filter((provision) => {
        const earlier = beforeById.get(provision.id);
        return earlier !== undefined && isModified(earlier, provision, normalized);
      })
      .map(toRef),
    wordsAdded,
    wordsRemoved,
    statedDateBefore,
    statedDateAfter,
    silentEdit:
      kind === 'substantive' &&
      statedDateBefore !== null &&
      statedDateAfter !== null &&
      statedDateBefore.date === statedDateAfter.date,
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function wordsPhrase(added: number | null, removed: number | null): string | null {
  if (added === null || removed === null || (added === 0 && removed === 0)) return null;
  if (removed === 0) return `${plural(added, 'word', 'words')} added`;
  if (added === 0) return `${plural(removed, 'word', 'words')} removed`;
  return `${plural(added, 'word', 'words')} added, ${removed} removed`;
}

const ruleName = (id: ChangeRuleId) => id.replace(/-/g, ' ');

/** One sentence for lists and headlines: "2 sections modified, 140 words added, 12 removed". */
export function summaryToSentence(summary: ChangeSummary): string {
  if (summary.kind === 'technical') return 'Technical change: the text was extracted again, the policy did not change';
  if (summary.kind === 'cosmetic') {
    return summary.rules.length
      ? `Cosmetic change: ${summary.rules.map(ruleName).join(', ')}`
      : 'Cosmetic change: the text is identical';
  }
  const parts = [
    summary.provisionsAdded.length ? `${plural(summary.provisionsAdded.length, 'section', 'sections')} added` : null,
    summary.provisionsRemoved.length ? `${plural(summary.provisionsRemoved.length, 'section', 'sections')} removed` : null,
    summary.provisionsModified.length
      ? `${plural(summary.provisionsModified.length, 'section', 'sections')} modified`
      : null,
    wordsPhrase(summary.wordsAdded, summary.wordsRemoved),
  ].filter((part): part is string => part !== null);
  const sentence = parts.length ? parts.join(', ') : 'The text changed';
  return summary.silentEdit ? `${sentence}; the stated date did not change` : sentence;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function headingsItem(label: string, provisions: ProvisionRef[]): string | null {
  if (!provisions.length) return null;
  return `<li>${label}: ${provisions.map((provision) => escapeHtml(provisionTitle(provision))).join('; ')}</li>`;
}

function statedDateParagraph(summary: ChangeSummary): string | null {
  const { statedDateBefore: before, statedDateAfter: after } = summary;
  if (summary.silentEdit && after) {
    return `<p><strong>Silent edit:</strong> the text changed but the stated date (${escapeHtml(after.text)}) did not.</p>`;
  }
  if (before && after && before.date !== after.date) {
    return `<p>Stated date: ${escapeHtml(before.text)} → ${escapeHtml(after.text)}</p>`;
  }
  return null;
}

/** A small HTML rendering of a summary, every tracked text escaped, for feed item descriptions. */
export function summaryToHtml(summary: ChangeSummary): string {
  const parts = [
    `<p>${escapeHtml(summaryToSentence(summary))}.</p>`,
    summary.kind === 'substantive' &&
    summary.provisionsAdded.length + summary.provisionsRemoved.length + summary.provisionsModified.length
      ? `<ul>${[
          headingsItem('Added', summary.provisionsAdded),
          headingsItem('Removed', summary.provisionsRemoved),
          headingsItem('Modified', summary.provisionsModified),
        ]
          .filter((item) => item !== null)
          .join('')}</ul>`
      : null,
    statedDateParagraph(summary),
  ];
  return parts.filter((part) => part).join('');
}
