import termsTypes from '@opentermsarchive/terms-types/termsTypes.json' with { type: 'json' };

/** The Open Terms Archive document types, by name ("Terms of Service", "Privacy Policy", …). */
export const TERMS_TYPES: readonly string[] = Object.keys(termsTypes);

/** Whether a name is one of the Open Terms Archive document types. */
export function isTermsType(name: string): boolean {
  return Object.hasOwn(termsTypes, name);
}
