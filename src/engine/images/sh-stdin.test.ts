// Container shell: standard input for exec, pipes and file-descriptor redirections.
import { it, expect } from 'vitest';
import { execSync } from './sh-run';
const env = () => ({ vars: new Map<string,string>(), fs: new Map<string,string>(), hostname: 'h', now: () => 0, binaries: new Set(['sh','cat','ls','echo']), flavor: 'gnu' as const });
it('exec handles stdin, pipes and fd redirections (>&2, 2>&1, 2>/dev/null, <)', () => {
  const e = env();
  expect(execSync(['sh','-c','echo err >&2'], e)).toMatchObject({ exitCode: 0, stdout: '', stderr: 'err\n' });
  expect(execSync(['sh','-c','echo a 1>&2; echo b 2>&1'], e)).toMatchObject({ stdout: 'b\n', stderr: 'a\n' });
  expect(execSync(['sh','-c','cat nope 2>/dev/null; echo $?'], e)).toMatchObject({ stdout: '1\n', stderr: '' });
  expect(execSync(['sh','-c','cat nope 2>&1'], e)).toMatchObject({ stdout: 'cat: nope: No such file or directory\n', stderr: '' });
  expect(execSync(['cat'], e, 'x\n')).toMatchObject({ stdout: 'x\n' });
  expect(execSync(['sh'], e, 'echo hi; cat /f\n')).toMatchObject({ stdout: 'hi\n' });
  expect(execSync(['sh','-c','echo hello | cat; echo 5 > /f; cat < /f'], e)).toMatchObject({ stdout: 'hello\n5\n' });
  expect(execSync(['sh','-c','cat | cat'], e, 'in\n')).toMatchObject({ stdout: 'in\n' });
  expect(execSync(['sh','-c','echo >'], e)).toMatchObject({ exitCode: 2, stderr: 'sh: 1: syntax error: unexpected newline\n' });
});
