import type { AppStatus, Place, Screen } from '@shared/contract';
import { create } from 'zustand';

/** A screen with unsaved changes registers one; leaving it then asks first. */
export interface LeaveGuard {
  hasUnsavedChanges(): boolean;
  discard(): void;
}

interface NavigationState {
  place: Place | null;
  guard: LeaveGuard | null;
  /** Where the user asked to go while the guard held them back. */
  pending: Place | null;
  go(place: Place): void;
  setGuard(guard: LeaveGuard | null): void;
  /** The user chose to leave without saving. */
  leaveAnyway(): void;
  stay(): void;
}

const samePlace = (a: Place | null, b: Place) => JSON.stringify(a) === JSON.stringify(b);

export const useNavigation = create<NavigationState>((set, get) => ({
  place: null,
  guard: null,
  pending: null,
  go(place) {
    const { guard, place: current } = get();
    if (samePlace(current, place)) return;
    if (guard?.hasUnsavedChanges()) set({ pending: place });
    else set({ place, pending: null });
  },
  setGuard: (guard) => set({ guard }),
  leaveAnyway() {
    const { guard, pending } = get();
    guard?.discard();
    set({ place: pending ?? get().place, pending: null });
  },
  stay: () => set({ pending: null }),
}));

/** Reads the core's access decision for a screen; the rules themselves live in the core. */
export function isScreenOpen(screen: Screen, status: AppStatus): boolean {
  switch (screen) {
    case 'dashboard':
      return status.access.dashboard;
    case 'mapping':
      return status.access.mapping !== 'disabled';
    case 'logs':
      return status.access.logs;
    case 'settings':
      return true;
  }
}

/** Opens the landing place at start, and moves there whenever the current screen closes. */
export function settlePlace(status: AppStatus): void {
  const { place } = useNavigation.getState();
  if (!place || !isScreenOpen(place.screen, status))
    useNavigation.setState({ place: status.landing, pending: null });
}

export function defaultPlace(screen: Screen): Place {
  switch (screen) {
    case 'dashboard':
      return { screen: 'dashboard' };
    case 'mapping':
      return { screen: 'mapping', tab: 'organizations' };
    case 'logs':
      return { screen: 'logs' };
    case 'settings':
      return { screen: 'settings', tab: 'authentication' };
  }
}
