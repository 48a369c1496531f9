import { useSandbox } from '../store';

/** Notice is the banner for worker restarts, restores and errors; it floats, so it never shifts the layout. */
export function Notice() {
  const notice = useSandbox((s) => s.notice);
  const connection = useSandbox((s) => s.connection);
  const text = connection === 'restoring' ? 'Restoring your saved session…' : notice;
  if (!text) return null;
  return (
    <div className={`notice${connection === 'crashed' ? ' notice-error' : ''}`} role="alert">
      <span>{text}</span>
      {notice && connection !== 'restoring' && (
        <button type="button" aria-label="Dismiss notice" onClick={() => useSandbox.setState({ notice: '' })}>✕</button>
      )}
    </div>
  );
}
