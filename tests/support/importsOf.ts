/** Module specifiers a source file imports, re-exports, requires, dynamically imports or mocks. */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'";]*?\s+from\s+['"]([^'"]+)['"]/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bvi\.mock\(\s*['"]([^'"]+)['"]/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) if (match[1]) specifiers.push(match[1]);
  }
  return specifiers;
}

/** The import aliases of tsconfig.base.json, as folders of the repository. */
const aliases: Array<[prefix: string, folder: string]> = [
  ['@shared/', 'shared/'],
  ['@renderer/', 'renderer/src/'],
];

/**
 * The repository path (no extension) a specifier of `fromFile` points at: relative and aliased
 * imports only; null for a package.
 */
export function resolveImport(fromFile: string, specifier: string): string | null {
  for (const [prefix, folder] of aliases) {
    if (specifier.startsWith(prefix)) return folder + specifier.slice(prefix.length);
  }
  if (!specifier.startsWith('.')) return null;
  const parts = fromFile.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/').replace(/\.(ts|tsx|mts|js|mjs)$/, '');
}
