import type { ProvisionRef } from '../diff/summary';
import type { DerivedDocument, ProvisionAnchor } from './index-archive';

/**
 * Makes the versions of a document share their equal provision anchors, and its provision events and
 * change summaries their equal strings. Read back from JSON, every version holds its own copy of
 * each: on the contrib collection, 1.0M anchors held 178k distinct ones. Values are never mutated
 * after the index is built, so sharing them is safe.
 */
export function shareRepeatedValues(derived: DerivedDocument): DerivedDocument {
  const strings = new Map<string, string>();
  const share = (value: string): string => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  const anchors = new Map<string, ProvisionAnchor>();
  const shareAnchor = (anchor: ProvisionAnchor): ProvisionAnchor => {
    const key = `${anchor.line}\0${anchor.id}\0${anchor.heading}`;
    let known = anchors.get(key);
    if (!known) anchors.set(key, (known = { id: share(anchor.id), heading: share(anchor.heading), line: anchor.line }));
    return known;
  };
  const shareRef = (ref: ProvisionRef): ProvisionRef => ({ id: share(ref.id), heading: share(ref.heading) });
  for (const version of derived.versions) {
    version.provisions = version.provisions.map(shareAnchor);
    const change = version.change;
    if (change) {
      change.provisionsAdded = change.provisionsAdded.map(shareRef);
      change.provisionsRemoved = change.provisionsRemoved.map(shareRef);
      change.provisionsModified = change.provisionsModified.map(shareRef);
    }
  }
  for (const provision of derived.provisions) {
    provision.id = share(provision.id);
    provision.heading = share(provision.heading);
    for (const event of provision.events) {
      event.version = share(event.version);
      event.heading = share(event.heading);
      event.textId = share(event.textId);
    }
  }
  return derived;
}
