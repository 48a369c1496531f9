import { describe, it, expect } from 'vitest';
import { makeHarness } from './testdata/harness';
import { InterruptController } from '../util/interrupt';

describe('shell language', () => {
  it('handles quoting and escapes like bash', async () => {
    const h = makeHarness();
    expect((await h.run(`echo a   b "c  d" 'e $HOME' \\$g "$HOME"`)).out).toBe('a b c  d e $HOME $g /root\n');
    expect((await h.run(`x="1 2"; for i in $x; do echo "[$i]"; done; echo "[$x]"`)).out).toBe('[1]\n[2]\n[1 2]\n');
    expect((await h.run(`echo $'tab\\there' "a\\"b"`)).out).toBe('tab\there a"b\n');
  });

  it('expands parameters, command substitution, arithmetic, braces, tilde and globs', async () => {
    const h = makeHarness({ '/root/a.yaml': '', '/root/b.yaml': '', '/root/c.txt': '' });
    expect((await h.run('echo ${#HOME} ${HOME#/} ${X:-d} ${X:=e} $X ${HOME:+set}')).out).toBe('5 root d e e set\n');
    expect((await h.run('v=web-1-abc; echo ${v%-*} ${v%%-*} ${v#*-} ${v/b/X} ${v^^} ${v:1:3}')).out).toBe('web-1 web 1-abc weX-1-abc WEB-1-ABC eb-\n');
    expect((await h.run('echo $(echo a b | tr a-z A-Z) `echo back` "$(echo "in $(echo deep)")"')).out).toBe('A B back in deep\n');
    expect((await h.run('echo $((3+4*2)) $((10/3)) $((2**10)) $((7%3)) $((1<2 && 3>2))')).out).toBe('11 3 1024 1 1\n');
    expect((await h.run('echo {1..3} a{b,c} *.yaml ~/x "~" *.none')).out).toBe('1 2 3 ab ac a.yaml b.yaml /root/x ~ *.none\n');
  });

  it('tracks $? across &&, || and !', async () => {
    const h = makeHarness();
    expect((await h.run('false; echo $?; true && echo ok || echo no; false || echo fb; ! true; echo $?')).out).toBe('1\nok\nfb\n1\n');
    const r = await h.run('echo a && false && echo b');
    expect(r).toEqual({ out: 'a\n', err: '', status: 1 });
    expect(h.sh.lastStatus).toBe(1);
  });

  it('pipes stdout between stages and buffers stdin for registered commands', async () => {
    const h = makeHarness();
    expect((await h.run('for i in 1 2 3; do echo $i; done | sort -r | head -n 2')).out).toBe('3\n2\n');
    expect((await h.run('echo hi | kubectl apply -f -')).out).toBe('kubectl ["apply","-f","-"]\nstdin: "hi\\n"\n');
  });

  it('sends a here-doc into kubectl apply -f - with expansion, and none for quoted delimiters', async () => {
    const h = makeHarness();
    const r = await h.run('NAME=web\ncat <<EOF | kubectl apply -f -\nkind: Pod\nname: $NAME\nEOF');
    expect(r.out).toBe('kubectl ["apply","-f","-"]\nstdin: "kind: Pod\\nname: web\\n"\n');
    const q = await h.run("kubectl apply -f - <<'EOF'\nname: $NAME\nEOF");
    expect(q.out).toContain('stdin: "name: $NAME\\n"');
    expect((await h.run('cat <<-EOF\n\tindented\n\tEOF')).out).toBe('indented\n');
    expect((await h.run('read a b <<< "one two three"; echo "$a|$b"')).out).toBe('one|two three\n');
  });

  it('writes files with >, >>, 2>, 2>&1, &> and /dev/null', async () => {
    const h = makeHarness();
    await h.run('echo x > f; echo y >> f');
    expect(h.fs.readFile('/root/f')).toBe('x\ny\n');
    expect((await h.run('ls nope > out 2>&1; cat out')).out).toBe("ls: cannot access 'nope': No such file or directory\n");
    expect((await h.run('ls nope 2>/dev/null; echo $?')).out).toBe('2\n');
    expect((await h.run('ls nope &> all; cat all')).out).toContain('cannot access');
    expect(await h.run('echo err >&2')).toEqual({ out: '', err: 'err\n', status: 0 });
    expect((await h.run('echo hi > /nonexistent/x')).err).toBe('bash: /nonexistent/x: No such file or directory\n');
    expect((await h.run('cat < f | wc -l')).out).toBe('2\n');
  });

  it('runs for, while, until, C-style for, if/elif/else, case, break and continue', async () => {
    const h = makeHarness();
    expect((await h.run('x=0; while [ $x -lt 3 ]; do echo $x; x=$((x+1)); done')).out).toBe('0\n1\n2\n');
    expect((await h.run('i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done')).out).toBe('0\n1\n');
    expect((await h.run('for ((i=0; i<3; i++)); do echo $i; done')).out).toBe('0\n1\n2\n');
    expect((await h.run('if false; then echo a; elif [ -d /tmp ]; then echo elif; else echo else; fi')).out).toBe('elif\n');
    expect((await h.run('case web-1 in db*) echo db;; web-*|api) echo web;; *) echo other;; esac')).out).toBe('web\n');
    expect((await h.run('for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done; for i in 1 2 3; do [ $i = 2 ] && break; echo $i; done')).out).toBe('1\n3\n1\n');
    expect((await h.run('for x in a b\ndo\n  echo $x\ndone')).out).toBe('a\nb\n');
  });

  it('evaluates test, [ ] and [[ ]]', async () => {
    const h = makeHarness({ '/root/f.txt': 'x' });
    expect((await h.run('[ 1 -eq 1 ]; echo $?; [ a = b ]; echo $?; [ -f f.txt ] && echo file; [ -z "" ] && echo z; [ -d f.txt ] || echo notdir')).out).toBe('0\n1\nfile\nz\nnotdir\n');
    expect((await h.run('[[ abc == a* ]] && echo glob; [[ -n "" ]] || echo empty; [[ 5 -gt 3 && a < b ]] && echo both; [[ v1.2 =~ ^v[0-9] ]] && echo re')).out).toBe('glob\nempty\nboth\nre\n');
    expect(await h.run('[ abc -gt 1 ]')).toEqual({ out: '', err: 'bash: [: abc: integer expression expected\n', status: 2 });
    expect((await h.run('[ 1 = 1')).err).toBe("bash: [: missing `]'\n");
  });

  it('supports aliases on the first word, unalias and alias listing', async () => {
    const h = makeHarness();
    expect((await h.run('alias k=kubectl; k get po -o wide')).out).toBe('kubectl ["get","po","-o","wide"]\n');
    expect((await h.run("alias kgp='kubectl get pods'; kgp -A")).out).toBe('kubectl ["get","pods","-A"]\n');
    expect((await h.run('alias')).out).toBe("alias k='kubectl'\nalias kgp='kubectl get pods'\n");
    expect((await h.run('unalias k; k get po')).err).toBe('bash: k: command not found\n');
    expect((await h.run('unalias nope')).err).toBe('bash: unalias: nope: not found\n');
  });

  it('defines functions with positional parameters and local variables', async () => {
    const h = makeHarness();
    expect((await h.run('f() { local v=in; echo "args: $# $1 $2 $v"; return 3; }; v=out; f x y; echo $? $v')).out).toBe('args: 2 x y in\n3 out\n');
    expect((await h.run('function g { echo "$@"; }; g a "b c"')).out).toBe('a b c\n');
  });

  it('keeps subshell and pipeline changes local; export reaches commands through env', async () => {
    const h = makeHarness();
    expect((await h.run('x=1; (x=2; cd /tmp; echo $x); echo $x; pwd')).out).toBe('2\n1\n/root\n');
    expect((await h.run('export A=1; B=2; env | grep -E "^(A|B)="')).out).toBe('A=1\n');
    expect((await h.run('C=3 env | grep ^C=')).out).toBe('C=3\n');
    expect(h.sh.env.A).toBe('1');
  });

  it('prints bash errors for unknown commands, cd failures and syntax errors', async () => {
    const h = makeHarness();
    expect(await h.run('foo')).toEqual({ out: '', err: 'bash: foo: command not found\n', status: 127 });
    expect(await h.run('cd nope')).toEqual({ out: '', err: 'bash: cd: nope: No such file or directory\n', status: 1 });
    expect(await h.run('echo ;;')).toEqual({ out: '', err: "bash: syntax error near unexpected token `;;'\n", status: 2 });
    expect((await h.run('done')).err).toBe("bash: syntax error near unexpected token `done'\n");
    expect((await h.run('echo $((5/0))')).err).toBe('bash: 5/0: division by 0 (error token is "0")\n');
  });

  it('changes directory with cd, cd -, cd ~ and keeps PWD/OLDPWD', async () => {
    const h = makeHarness();
    expect((await h.run('cd /tmp; pwd; cd; pwd; cd -; echo $OLDPWD')).out).toBe('/tmp\n/root\n/tmp\n/root\n');
    expect(h.sh.cwd).toBe('/tmp');
  });

  it('ends the input at exit with its status', async () => {
    const h = makeHarness();
    expect(await h.run('echo one; exit 3; echo two')).toEqual({ out: 'one\n', err: '', status: 3 });
    expect((await h.run('(exit 4); echo $?')).out).toBe('4\n');
  });

  it('reports needsMore for incomplete input', () => {
    const h = makeHarness();
    for (const s of ['echo "abc', "echo 'a", 'cat <<EOF\nline', 'for i in 1 2; do', 'if true; then echo x', 'while true', 'echo a \\', 'echo hi |', 'true &&', 'f() {', 'echo $(date', 'case x in']) {
      expect(h.sh.needsMore(s), s).toBe(true);
    }
    for (const s of ['echo hi', 'cat <<EOF\nx\nEOF', 'for i in 1; do echo; done', "echo 'a\\'", 'echo ;;', '']) {
      expect(h.sh.needsMore(s), s).toBe(false);
    }
  });

  it('sleep advances virtual time and date prints it', async () => {
    const h = makeHarness();
    expect((await h.run('date; sleep 5; date; sleep 1m; date +%H:%M:%S')).out).toBe('Mon Mar 10 09:00:00 UTC 2025\nMon Mar 10 09:00:05 UTC 2025\n09:01:05\n');
    expect(await h.run('sleep abc')).toEqual({ out: '', err: "sleep: invalid time interval ‘abc’\nTry 'sleep --help' for more information.\n", status: 1 });
  });

  it('returns 130 when sleep is interrupted', async () => {
    const h = makeHarness();
    const ctl = new InterruptController();
    ctl.fire();
    expect((await h.run('sleep 10; echo after', { interrupt: ctl.signal })).status).toBe(130);
  });

  it('runs background jobs, lists them, and waits with fg/wait', async () => {
    const h = makeHarness();
    const r = await h.run('sleep 30 &', { tty: true });
    expect(r.err).toBe('[1] 4242\n');
    expect(h.sh.jobs()).toEqual([{ id: 1, command: 'sleep 30', state: expect.stringMatching(/Running|Done/) }]);
    expect((await h.run('echo job & wait; echo done')).out).toBe('job\ndone\n');
    expect((await h.run('kill %9')).err).toBe('bash: kill: %9: no such job\n');
    expect((await h.run('fg %7')).err).toBe('bash: fg: %7: no such job\n');
  });

  it('caps runaway loops instead of hanging', async () => {
    const h = makeHarness();
    const r = await h.run('while true; do :; done; echo next');
    expect(r.err).toContain('loop stopped after 100000 iterations');
    expect(r.out).toBe('next\n');
  });

  it('survives huge output and never throws out of run', async () => {
    const h = makeHarness();
    const r = await h.run('seq 100000 | wc -l');
    expect(r.out).toBe('100000\n');
    h.sh.register('boom', () => { throw new Error('kaboom'); });
    expect(await h.run('boom')).toEqual({ out: '', err: 'bash: internal error: kaboom\n', status: 1 });
  });

  it('keeps history, and persists env, cwd, aliases and history through toJSON/load', async () => {
    const h = makeHarness();
    await h.run('alias k=kubectl');
    await h.run('export NS=dev; cd /tmp');
    expect((await h.run('history')).out).toBe('    1  alias k=kubectl\n    2  export NS=dev; cd /tmp\n    3  history\n');
    const saved = JSON.parse(JSON.stringify(h.sh.toJSON()));
    const h2 = makeHarness();
    h2.sh.load(saved);
    expect((await h2.run('k get ns $NS; pwd')).out).toBe('kubectl ["get","ns","dev"]\n/tmp\n');
    expect(h2.sh.history[0]).toBe('alias k=kubectl');
  });

  it('completes command names, files and registered completers', async () => {
    const h = makeHarness({ '/root/pod.yaml': '', '/root/pods/x': '' });
    expect(h.sh.complete('kub', 3)).toEqual({ start: 0, candidates: ['kubectl'] });
    expect(h.sh.complete('cat po', 6)).toEqual({ start: 4, candidates: ['pod.yaml', 'pods/'] });
    expect(h.sh.complete('ls /t', 5).candidates).toEqual(['/tmp/']);
    h.sh.registerCompleter('kubectl', (words, partial) => (words.length === 1 ? ['get', 'describe'].filter((w) => w.startsWith(partial)) : []));
    expect(h.sh.complete('kubectl g', 9)).toEqual({ start: 8, candidates: ['get'] });
    expect(h.sh.complete('echo $HO', 8).candidates).toEqual(['$HOME', '$HOSTNAME']);
  });

  it('answers which/type/command -v like bash', async () => {
    const h = makeHarness();
    await h.run('alias k=kubectl');
    expect(await h.run('which kubectl ls')).toEqual({ out: '/usr/bin/kubectl\n/usr/bin/ls\n', err: '', status: 0 });
    expect(await h.run('which nope')).toEqual({ out: '', err: '', status: 1 });
    expect((await h.run('type k cd kubectl if')).out).toBe("k is aliased to `kubectl'\ncd is a shell builtin\nkubectl is /usr/bin/kubectl\nif is a shell keyword\n");
    expect((await h.run('command -v kubectl')).out).toBe('/usr/bin/kubectl\n');
  });

  it('sources files with . and source, and runs scripts with bash and ./path', async () => {
    const h = makeHarness({ '/root/env.sh': 'export NS=prod\nalias k=kubectl\n', '/root/run.sh': '#!/bin/bash\necho "script $1 $#"\nexit 5\n' });
    expect((await h.run('. ./env.sh; k get ns $NS')).out).toBe('kubectl ["get","ns","prod"]\n');
    expect(await h.run('bash run.sh a b; echo rc=$?')).toEqual({ out: 'script a 2\nrc=5\n', err: '', status: 0 });
    expect((await h.run('./run.sh z')).out).toBe('script z 1\n');
    expect((await h.run('bash -c "echo inline"')).out).toBe('inline\n');
    expect((await h.run('source nope.sh')).err).toBe('bash: nope.sh: No such file or directory\n');
  });

  it('reads lines with while read from a pipe and a file', async () => {
    const h = makeHarness({ '/root/list': 'a 1\nb 2\n' });
    expect((await h.run('while read n v; do echo "$v=$n"; done < list')).out).toBe('1=a\n2=b\n');
    expect((await h.run('kubectl get po | while read line; do echo "<$line>"; done')).out).toBe('<kubectl ["get","po"]>\n');
  });

  it('runs watch once headless with the procps header', async () => {
    const h = makeHarness();
    const r = await h.run('watch -n 5 kubectl get pods');
    expect(r.out.split('\n')[0]).toMatch(/^Every 5\.0s: kubectl get pods +controlplane: Mon Mar 10 09:00:00 2025$/);
    expect(r.out).toContain('kubectl ["get","pods"]');
  });

  it('reruns watch in a host until interrupted, clearing the screen', async () => {
    let clears = 0;
    const ctl = new InterruptController();
    const h = makeHarness({}, { clearScreen: () => { clears++; if (clears === 3) ctl.fire(); } });
    const r = await h.run('watch date', { interrupt: ctl.signal });
    expect(r.status).toBe(130);
    expect(clears).toBe(3);
    expect(r.out).toContain('09:00:04 UTC 2025');
  });

  it('opens the editor through the host or explains how to write files headless', async () => {
    const opened: string[] = [];
    const h = makeHarness({}, { openEditor: async (p) => { opened.push(p); return { saved: true }; } });
    expect((await h.run('vi pod.yaml')).status).toBe(0);
    expect(opened).toEqual(['/root/pod.yaml']);
    const headless = makeHarness();
    const r = await headless.run('nano pod.yaml');
    expect(r.status).toBe(1);
    expect(r.err).toContain("cat <<'EOF' > pod.yaml");
  });

  it('clear uses the host or prints the escape sequence; help mentions kubectl', async () => {
    const h = makeHarness();
    expect((await h.run('clear')).out).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await h.run('help')).out).toContain('kubectl');
  });
});
