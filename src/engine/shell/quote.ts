/** shellQuote quotes s as bash prints values (`alias`, `set`): bare when safe, else '...'. */
export function shellQuote(s: string, always = false): string {
  if (!always && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return "'" + s.replace(/'/g, "'\\''") + "'";
}
