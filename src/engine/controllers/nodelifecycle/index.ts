export { createNodeLifecycleController, NODE_MONITOR_GRACE_PERIOD_MS, NODE_MONITOR_PERIOD_MS, UNREACHABLE_TAINT } from './controller';
