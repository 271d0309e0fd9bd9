/** The one shared way both connections (ConnectWise, the Platform) are tested, saved and removed. */
export {
  type ConnectionSpec,
  createSavedConnection,
  type SavedConnection,
  type SavedConnectionDeps,
  type SaveOutcome,
  type TestOutcome,
} from './savedConnection';
