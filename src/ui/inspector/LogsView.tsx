// Live-following pod logs (`kubectl logs -f`): one worker stream per pod/container, rendered as text.
import { useEffect, useRef, useState } from 'react';
import type { ObjectRef } from '../../engine/protocol';
import { onSandboxEvent, send } from '../store';

/** MAX_LOG_CHARS bounds the kept log text; older text is dropped from the top. */
const MAX_LOG_CHARS = 200_000;
let nextStream = 1;

/** LogsView follows one container's log; restartKey (e.g. the container's restart count) reconnects after the stream ended. */
export function LogsView({ pod, container, restartKey, previous }: { pod: ObjectRef; container: string; restartKey: string; previous: boolean }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<{ error?: string; done: boolean }>({ done: false });
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLPreElement>(null);

  useEffect(() => {
    const stream = nextStream++;
    setText('');
    setState({ done: false });
    const off = onSandboxEvent((ev) => {
      if (ev.type !== 'logData' || ev.stream !== stream) return;
      if (ev.data) setText((t) => { const n = t + ev.data; return n.length > MAX_LOG_CHARS ? n.slice(n.length - MAX_LOG_CHARS) : n; });
      if (ev.error !== undefined || ev.done) setState({ error: ev.error, done: !!ev.done });
    });
    send({ type: 'followLogs', stream, namespace: pod.namespace, pod: pod.name, container, previous });
    return () => { off(); send({ type: 'stopLogs', stream }); };
  }, [pod.namespace, pod.name, container, restartKey, previous]);

  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [text, follow]);

  return (
    <div className="insp-logs">
      <div className="insp-logs__bar">
        <label><input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> follow</label>
        <span className="insp-muted">{state.error ? '' : state.done ? 'stream ended' : previous ? '' : 'streaming…'}</span>
      </div>
      {state.error && <div className="insp-error" role="alert">{state.error}</div>}
      <pre ref={box} className="insp-pre insp-logs__text" aria-label="Pod logs" data-testid="pod-logs">{text || (state.error ? '' : '(no output yet)')}</pre>
    </div>
  );
}
