/** App is the placeholder workspace: it names the product and says how to try the headless sandbox. */
export function App() {
  return (
    <main className="placeholder" aria-labelledby="title">
      <h1 id="title">Kube Sandbox</h1>
      <p>A Kubernetes v1.32 cluster that runs entirely in your browser tab.</p>
      <p>The workspace (terminal, cluster map, editor) is on its way. Meanwhile the same engine runs headless:</p>
      <pre aria-label="headless example">{"printf 'kubectl get nodes\\n' | npm run -s sandbox -- --echo"}</pre>
    </main>
  );
}
