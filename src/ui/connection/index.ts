export { startSandbox, resetSandbox, exportSandbox, importSandbox, shareLink, crashWorker, restartCount } from './connection';
