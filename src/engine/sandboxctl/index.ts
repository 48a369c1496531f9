export { createSandboxCommand, SANDBOX_HELP } from './command';
