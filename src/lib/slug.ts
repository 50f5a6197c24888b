/** Turns a name such as "Claude.ai" or "Terms of Service" into a URL id: "claude-ai", "terms-of-service". */
export function nameToSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
