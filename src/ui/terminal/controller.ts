import { EOF_LINE, type SandboxEvent } from '../../engine/protocol';
import type { TerminalView } from '../adapters/xterm';
import { colorize, commonPrefix, formatCandidates, type ColorState } from './colorize';
import { LineEditor, splitKeys } from './line-editor';

/** TerminalPort is what the controller needs from the worker connection. */
export interface TerminalPort {
  line(line: string): void;
  interrupt(): void;
  complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }>;
}

/**
 * TerminalController is the terminal's line discipline on the UI side: it echoes and edits the
 * line locally (LineEditor), sends complete lines to the worker, writes the worker's output and
 * prompts, runs pasted lines one at a time, and keeps keys typed while a command runs for later.
 */
export class TerminalController {
  readonly editor = new LineEditor();
  private prompt = '';
  private ps1 = 'root@master:~# ';
  private waiting = true;
  private rowsAboveCursor = 0;
  private pasteQueue: string[] = [];
  private typeahead = '';
  private color: ColorState = { atLineStart: true };
  private completing = false;
  /** nested is true while a program the worker runs (a container shell) reads the line. */
  private nested = false;

  constructor(private view: TerminalView, private port: TerminalPort) {
    view.onData((data) => this.onData(data));
  }

  /** handle applies one worker event to the screen. */
  handle(ev: SandboxEvent): void {
    switch (ev.type) {
      case 'snapshot':
        this.view.reset();
        this.editor.history = [...ev.history];
        this.color = { atLineStart: true };
        this.waiting = true;
        this.nested = false;
        break;
      case 'restored':
        if (ev.transcript) this.write(ev.transcript.replace(/\n?$/, '\n'));
        break;
      case 'output':
        this.write(colorize(ev.data, ev.stream, this.color));
        break;
      case 'clear':
        this.view.write('\x1b[H\x1b[2J');
        break;
      case 'busy':
        this.waiting = true;
        break;
      case 'prompt':
        if (!ev.continuation) this.ps1 = ev.text;
        this.nested = !!ev.nested;
        this.showPrompt(ev.text);
        break;
      default:
        break;
    }
  }

  private write(s: string): void {
    this.view.write(s);
    if (s) this.color.atLineStart = s.endsWith('\n');
  }

  private showPrompt(text: string): void {
    this.prompt = text;
    this.waiting = false;
    this.rowsAboveCursor = 0;
    this.view.write(text);
    this.color.atLineStart = false;
    const next = this.pasteQueue.shift();
    if (next !== undefined) { this.editor.insert(next); this.redraw(); this.submit(); return; }
    if (this.typeahead) { const t = this.typeahead; this.typeahead = ''; this.onData(t); }
  }

  private onData(data: string): void {
    if (this.waiting) {
      // A command runs: only Ctrl-C acts now; everything else waits for the next prompt.
      if (data.includes('\x03')) { this.typeahead = ''; this.pasteQueue = []; this.view.write('^C\n'); this.port.interrupt(); }
      // Keys typed ahead are kept (not echoed, so output stays clean) and replayed after the prompt.
      else this.typeahead += data;
      return;
    }
    // A paste (several characters with line breaks) runs line by line, each after its prompt.
    if (data.length > 1 && /[\r\n]/.test(data) && !data.startsWith('\x1b')) {
      const lines = data.replace(/\r\n?/g, '\n').split('\n');
      // The text after the last line break is typed but not run, as in bash.
      const tail = lines.pop() ?? '';
      const first = lines.shift() ?? '';
      this.pasteQueue.push(...lines);
      this.typeahead += tail;
      this.editor.insert(first);
      this.redraw();
      this.submit();
      return;
    }
    for (const seq of splitKeys(data)) {
      if (this.waiting) { this.typeahead += seq; continue; }
      this.key(seq);
    }
  }

  private key(seq: string): void {
    if (this.completing) { this.typeahead += seq; return; }
    const action = this.editor.key(seq);
    switch (action.type) {
      case 'redraw': this.redraw(); break;
      case 'submit': this.editor.buffer = action.line; this.editor.cursor = action.line.length; this.submit(); break;
      case 'interrupt':
        // bash leaves the abandoned line on screen followed by ^C.
        this.moveToEnd();
        this.editor.reset();
        this.view.write('^C\n');
        // Nothing runs: the worker only drops a pending continuation; the new PS1 is shown at once.
        this.port.interrupt();
        this.showPrompt(this.ps1);
        break;
      case 'clear':
        this.view.write('\x1b[H\x1b[2J');
        this.rowsAboveCursor = 0;
        this.redraw();
        break;
      case 'complete': void this.complete(); break;
      case 'eof':
        // Ctrl-D is not echoed; the program's own output (bash's `exit`) and the next prompt follow.
        // The workstation shell cannot log out of the tab, so there it does nothing.
        if (this.nested) { this.waiting = true; this.port.line(EOF_LINE); }
        break;
      case 'none': break;
    }
  }

  private submit(): void {
    const line = this.editor.buffer;
    this.moveToEnd();
    this.view.write('\n');
    this.editor.remember(line);
    this.editor.buffer = '';
    this.editor.cursor = 0;
    this.rowsAboveCursor = 0;
    this.waiting = true;
    this.port.line(line);
  }

  private async complete(): Promise<void> {
    const { buffer, cursor } = this.editor;
    this.completing = true;
    let r: { start: number; candidates: string[] };
    try { r = await this.port.complete(buffer, cursor); } catch { r = { start: cursor, candidates: [] }; }
    finally { this.completing = false; }
    if (this.editor.buffer !== buffer || this.editor.cursor !== cursor) return;
    const word = buffer.slice(r.start, cursor);
    if (r.candidates.length === 1) {
      const c = r.candidates[0];
      this.editor.replace(r.start, c.endsWith('/') ? c : c + ' ');
      this.redraw();
    } else if (r.candidates.length > 1) {
      const prefix = commonPrefix(r.candidates);
      if (prefix.length > word.length) { this.editor.replace(r.start, prefix); this.redraw(); }
      else {
        this.moveToEnd();
        this.view.write('\n' + formatCandidates(r.candidates, this.view.cols()));
        this.rowsAboveCursor = 0;
        this.redraw(true);
      }
    } else {
      this.view.write('\x07');
    }
    if (this.typeahead) { const t = this.typeahead; this.typeahead = ''; this.onData(t); }
  }

  /** moveToEnd puts the screen cursor after the last character of the line. */
  private moveToEnd(): void {
    this.editor.cursor = this.editor.buffer.length;
    this.redraw();
  }

  /** redraw repaints prompt and line (which may wrap over several rows) and places the cursor. */
  private redraw(fresh = false): void {
    const cols = Math.max(1, this.view.cols());
    let s = '';
    if (!fresh && this.rowsAboveCursor > 0) s += `\x1b[${this.rowsAboveCursor}A`;
    s += '\r\x1b[J' + this.prompt + this.editor.buffer;
    const total = this.prompt.length + this.editor.buffer.length;
    const target = this.prompt.length + this.editor.cursor;
    // After writing `total` cells the cursor sits on row endRow (xterm defers the wrap at a row's end).
    let endRow = total > 0 && total % cols === 0 ? total / cols - 1 : Math.floor(total / cols);
    if (target === total && total > 0 && total % cols === 0) { s += '\r\n'; endRow += 1; }
    const targetRow = Math.floor(target / cols), targetCol = target % cols;
    if (endRow > targetRow) s += `\x1b[${endRow - targetRow}A`;
    s += '\r' + (targetCol ? `\x1b[${targetCol}C` : '');
    this.rowsAboveCursor = targetRow;
    this.view.write(s);
  }
}
