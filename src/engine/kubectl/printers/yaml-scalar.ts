// Models gopkg.in/yaml.v2 (as vendored by sigs.k8s.io/yaml): resolve.go's implicit typing,
// sorter.go's key order and emitterc.go's yaml_emitter_analyze_scalar.

/** ScalarAnalysis is what go-yaml's emitter learns about a string before choosing a style. */
export interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (cp: number | undefined) => cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
const isBlank = (cp: number | undefined) => cp === 0x20 || cp === 0x09;

/** isPrintable mirrors go-yaml's is_printable on a code point (astral planes are not printable). */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** isYamlBreak reports whether a code point is a YAML line break. */
export function isYamlBreak(cp: number | undefined): boolean { return isBreak(cp); }

/** analyzeScalar ports yaml_emitter_analyze_scalar (unicode output enabled). */
export function analyzeScalar(cps: number[]): ScalarAnalysis {
  if (cps.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let _flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWs = true;
  let prevSpace = false;
  let prevBreak = false;
  const s3 = String.fromCodePoint(...cps.slice(0, 3));
  if (s3 === '---' || s3 === '...') { blockIndicators = true; _flowIndicators = true; }
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const followedByWs = i + 1 >= cps.length || isBlank(cps[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) { _flowIndicators = true; blockIndicators = true; } else if (ch === '?' || ch === ':') {
        _flowIndicators = true;
        if (followedByWs) blockIndicators = true;
      } else if (ch === '-' && followedByWs) { _flowIndicators = true; blockIndicators = true; }
    } else if (',?[]{}'.includes(ch)) _flowIndicators = true;
    else if (ch === ':') { _flowIndicators = true; if (followedByWs) blockIndicators = true; } else if (ch === '#' && precededByWs) { _flowIndicators = true; blockIndicators = true; }
    if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else { prevSpace = false; prevBreak = false; }
    precededByWs = isBlank(c) || isBreak(c);
  }
  const r: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) r.blockPlainAllowed = false;
  if (trailingSpace) r.blockAllowed = false;
  if (breakSpace) { r.blockPlainAllowed = false; r.singleQuotedAllowed = false; }
  if (spaceBreak || special) { r.blockPlainAllowed = false; r.singleQuotedAllowed = false; r.blockAllowed = false; }
  if (lineBreaks) r.blockPlainAllowed = false;
  if (blockIndicators) r.blockPlainAllowed = false;
  return r;
}

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);

const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const GO_FLOAT = /^[+-]?(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+|[iI][nN][fF]([iI][nN][iI][tT][yY])?|[nN][aA][nN])$/;
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

// strconv's underscoreOK: '_' only between digits (or after a base prefix).
function underscoreOK(str: string): boolean {
  let s = str;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1].toLowerCase())) { i = 2; saw = '0'; hex = s[1].toLowerCase() === 'x'; }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) { saw = '0'; continue; }
    if (c === '_') { if (saw !== '0') return false; saw = '_'; continue; }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** goParseFloatOK reports whether strconv.ParseFloat(s, 64) succeeds (syntax only). */
function goParseFloatOK(s: string): boolean {
  if (s.includes('_') && !underscoreOK(s)) return false;
  return GO_FLOAT.test(s.replace(/_/g, ''));
}

function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}

/** resolvesToNonString reports whether go-yaml would read the plain scalar s as anything but a string (so it must be quoted). */
export function resolvesToNonString(s: string): boolean {
  if (s === '') return true;
  const c = s[0];
  let hint: string;
  if (c === '+' || c === '-') hint = 'S';
  else if (c >= '0' && c <= '9') hint = 'D';
  else if ('yYnNtTfFoO~'.includes(c)) hint = 'M';
  else if (c === '.') hint = '.';
  else return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === 'M') return false;
  if (hint === '.') return goParseFloatOK(s);
  if (hint === 'D' && isTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (GO_INT.test(plain) || goParseFloatOK(plain)) return true;
  return BASE60.test(s);
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** yamlKeyLess is go-yaml v2's keyList.Less for string keys (letters after non-letters, digit runs numerically). */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = LETTER.test(ar[i]);
    const bl = LETTER.test(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]); j--) {
        if (ar[j] !== '0') { an = 1; bn = 1; break; }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && DIGIT.test(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** sortYamlKeys returns the keys in go-yaml v2 output order. */
export function sortYamlKeys(keys: string[]): string[] {
  return [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

/** goFloatG formats a float64 as Go's strconv.FormatFloat(f, 'g', -1, 64). */
export function goFloatG(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, expStr] = n.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  return n.toFixed(Math.max(0, mantDigits(mant) - 1 - exp));
}

function mantDigits(mant: string): number { return mant.replace(/[-.]/g, '').length; }
