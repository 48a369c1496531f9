export { TimeControls } from './TimeControls';
export { formatVirtualTime, formatSpeed, nextSpeed } from './format';
