export type { Flavor, NetToolResult, TimelineChunk, ToolOptions } from './common';
export { CURL_VERSION } from './curl';
export { runNetTool, NET_TOOL_NAMES } from './run';
export { createNetCommand, WORKSTATION_NET_COMMANDS } from './workstation';
