// Text helpers of kubectl explain's templates (k8s.io/kubectl/pkg/explain/v2/funcs.go in v1.32):
// `wrap` is github.com/mitchellh/go-wordwrap WrapString behind term.NewWordWrapWriter, `indent` pads
// every line (blank ones too, which is why explain prints lines of only spaces).

const isSpace = (c: string): boolean => c !== '\n' && /\s/u.test(c) && c !== '\u00a0';

/** wrap breaks s at white space so lines stay within lim characters; long words overflow; `\n` is kept. */
export function wrap(lim: number, s: string): string {
  let buf = '';
  let current = 0;
  let word = '', space = '';
  let wordLen = 0, spaceLen = 0;
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else { current += spaceLen; buf += space; }
        space = ''; spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        space = ''; spaceLen = 0; word = ''; wordLen = 0;
      }
      buf += c;
      current = 0;
    } else if (isSpace(c)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = ''; spaceLen = 0; word = ''; wordLen = 0;
      }
      space += c; spaceLen++;
    } else {
      word += c; wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = ''; spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

/** indent prefixes str and every line after a newline with amount spaces. */
export function indent(amount: number, str: string): string {
  const pad = ' '.repeat(Math.max(0, amount));
  return pad + str.split('\n').join('\n' + pad);
}
