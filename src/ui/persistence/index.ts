export { idbGet, idbSet, idbDelete } from './idb';
export { encodeScenario, decodeScenario, scenarioFrom, isSavedSandbox } from './share';
export { loadPrefs, savePrefs } from './prefs';
export type { Prefs } from './prefs';
export { downloadJson, pickJsonFile } from './files';
