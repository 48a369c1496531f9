/** UsageError is a bad `sandbox` command line; its message is shown after `sandbox: `. */
export class UsageError extends Error {}

/** takeFlag removes `--name V`, `--name=V` or `-s V` from args and returns V. */
export function takeFlag(args: string[], names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    for (const n of names) {
      if (a === n) {
        if (i + 1 >= args.length) throw new UsageError(`flag needs an argument: ${n}`);
        const v = args[i + 1];
        args.splice(i, 2);
        return v;
      }
      if (a.startsWith(`${n}=`)) { args.splice(i, 1); return a.slice(n.length + 1); }
    }
  }
  return undefined;
}
