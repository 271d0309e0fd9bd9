/**
 * The API member's security role. The simulator starts with every permission the app needs and
 * can be told to deny some: a whole module line (`'Finance › Agreements'`) or one level of it
 * (`'Finance › Agreements (Add)'`). `>` and `/` work as separators too.
 */
import type { SimResponse } from '../httpResponses';
import { errorResponse } from './apiResponses';

export const permissionAreas = [
  'Companies',
  'Finance › Agreements',
  'Procurement › Product Catalog',
  'System › Table Setup',
] as const;
export type PermissionArea = (typeof permissionAreas)[number];

export const permissionLevels = ['Add', 'Edit', 'Delete', 'Inquire'] as const;
export type PermissionLevel = (typeof permissionLevels)[number];

export interface RequiredPermission {
  area: PermissionArea;
  level: PermissionLevel;
}

function normalizedArea(text: string): string {
  return text
    .replace(/\s*(?:›|>|\/)\s*/g, ' › ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface DeniedPermissions {
  denies(required: RequiredPermission): boolean;
  /** The deny list as given, normalized ("Finance › Agreements (Add)"). */
  readonly entries: string[];
}

/** Throws on a permission name the simulator does not know, so a typo in a test fails loudly. */
export function deniedPermissions(deny: readonly string[]): DeniedPermissions {
  const denied = new Map<PermissionArea, Set<PermissionLevel> | 'all'>();
  const entries: string[] = [];
  for (const text of deny) {
    const match =
      /^(.*?)(?:\s*[:(]\s*(add|edit|delete|inquire)(?:\s+level)?\s*\)?|\s+(add|edit|delete|inquire)\s+level)?\s*$/i.exec(
        text,
      );
    const areaText = normalizedArea(match?.[1] ?? text);
    const area = permissionAreas.find((candidate) => normalizedArea(candidate) === areaText);
    if (!area) {
      throw new Error(
        `Unknown permission "${text}". Known: ${permissionAreas.join(', ')} (optionally with (Add), (Edit), (Delete) or (Inquire)).`,
      );
    }
    const levelText = match?.[2] ?? match?.[3];
    const level = permissionLevels.find(
      (candidate) => candidate.toLowerCase() === levelText?.toLowerCase(),
    );
    if (!level) {
      denied.set(area, 'all');
      entries.push(area);
      continue;
    }
    const current = denied.get(area);
    if (current === 'all') continue;
    const levels = current ?? new Set<PermissionLevel>();
    levels.add(level);
    denied.set(area, levels);
    entries.push(`${area} (${level})`);
  }
  return {
    entries,
    denies: ({ area, level }) => {
      const levels = denied.get(area);
      return levels === 'all' || (levels?.has(level) ?? false);
    },
  };
}

/**
 * 403 as the service words it, naming the module line and level the role lacks so the app can
 * tell the user which permission to grant.
 */
export function forbiddenResponse(required: RequiredPermission): SimResponse {
  return errorResponse(
    403,
    'Unauthorized',
    `You do not have security permission to perform this action. The API member's security role needs ${required.area} with ${required.level} Level.`,
  );
}
