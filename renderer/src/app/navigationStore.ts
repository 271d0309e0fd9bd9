import { create } from 'zustand';
import type { AppStatus, Place, Screen } from '../../../shared/contract';

interface NavigationState {
  place: Place | null;
  go(place: Place): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  place: null,
  go: (place) => set({ place }),
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
  const { place, go } = useNavigation.getState();
  if (!place || !isScreenOpen(place.screen, status)) go(status.landing);
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
