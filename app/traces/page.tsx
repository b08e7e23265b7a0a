export default function TracesPage() {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">Traces</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Send OpenTelemetry, Zipkin or native JSON spans to this server to see them here.
      </p>
    </section>
  );
}
