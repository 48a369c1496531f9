export { createSandboxCommand, SANDBOX_HELP } from './command';
export { trafficGenerator, formatStatus, TRAFFIC_USAGE } from './traffic';
