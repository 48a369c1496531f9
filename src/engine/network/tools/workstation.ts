// The learner's terminal (Ubuntu on the control-plane node): network commands as workstation shell commands.
import type { CommandContext, CommandFn } from '../../shell/types';
import type { Network } from '../types';
import { runNetTool } from './run';

/** WORKSTATION_NET_COMMANDS are the network commands an Ubuntu kubeadm node has (curl, GNU wget, iputils ping, bind9 tools, …). */
export const WORKSTATION_NET_COMMANDS = ['curl', 'wget', 'ping', 'nslookup', 'dig', 'host', 'getent', 'ip', 'nc', 'ifconfig'];

/**
 * createNetCommand makes a workstation shell command that runs the network tool argv[0] from node's
 * network namespace: output streams in virtual time (ping's lines a second apart), Ctrl-C stops it.
 */
export function createNetCommand(net: Network, node: string, now?: () => number): CommandFn {
  return async (ctx) => {
    const r = runNetTool(net, net.nodeSource(node), ctx.argv, ctx.stdin, 'gnu', { tty: ctx.isTTY, host: 'workstation', maxPings: 100_000, now });
    if (!r) {
      ctx.stderr(`${ctx.argv[0]}: command not found\n`);
      return 127;
    }
    const emit = (out?: string, err?: string) => { if (err) ctx.stderr(err); if (out) ctx.stdout(out); };
    if (r.live) {
      let at = 0;
      for (let c = r.live.next(); !c.done; c = r.live.next()) {
        if (c.value.atMs > at) {
          if (!(await ctx.time.sleep(c.value.atMs - at, ctx.interrupt))) {
            const partial = r.onInterrupt?.(at);
            if (partial) emit(partial.out, partial.err);
            return partial ? partial.exitCode : 130;
          }
          at = c.value.atMs;
        }
        emit(c.value.out, c.value.err);
      }
      return r.onInterrupt?.(at).exitCode ?? r.exitCode;
    }
    if (r.timeline) {
      let at = 0;
      for (const chunk of r.timeline) {
        if (chunk.atMs > at) {
          const ok = await ctx.time.sleep(chunk.atMs - at, ctx.interrupt);
          if (!ok) return 130;
          at = chunk.atMs;
        }
        emit(chunk.out, chunk.err);
      }
      // The command may run on after its last output (a silent curl waiting for its timeout).
      if (r.durationMs && r.durationMs > at && !(await ctx.time.sleep(r.durationMs - at, ctx.interrupt))) return 130;
      const failed = saveFiles(ctx, r.files);
      if (failed) { emit('', failed.err); return failed.code; }
      return r.exitCode;
    }
    // Most tools print when they finish: wait the virtual time the command took (a curl timeout), then print.
    if (r.durationMs && r.durationMs > 5) {
      const ok = await ctx.time.sleep(r.durationMs, ctx.interrupt);
      if (!ok) return 130;
    }
    const failed = saveFiles(ctx, r.files);
    if (failed) { emit(r.stdout, r.stderr + failed.err); return failed.code; }
    emit(r.stdout, r.stderr);
    return r.exitCode;
  };
}

/** saveFiles writes what curl -o / wget saved into the workstation's file system; a failure is the tool's write error. */
function saveFiles(ctx: CommandContext, files: Record<string, string> | undefined): { err: string; code: number } | undefined {
  for (const [path, content] of Object.entries(files ?? {})) {
    try {
      ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, path), content);
    } catch (e) {
      const why = /director/i.test((e as Error).message) ? 'No such file or directory' : 'Permission denied';
      return ctx.argv[0] === 'curl'
        ? { err: `Warning: Failed to open the file ${path}: ${why}\ncurl: (23) Failure writing output to destination\n`, code: 23 }
        : { err: `${path}: ${why}\n`, code: 3 };
    }
  }
  return undefined;
}
