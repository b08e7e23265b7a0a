// Fails fast when nothing listens at the target: the OTLP exporter would otherwise
// retry a refused connection for most of its 30 s timeout before reporting it.
import { connect } from "node:net";

export function assertReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const { hostname, port, protocol } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, "");
  const portNumber = Number(port || (protocol === "https:" ? 443 : 80));
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: portNumber, timeout: timeoutMs });
    const fail = (reason: string) => {
      socket.destroy();
      reject(new Error(`cannot connect to ${host}:${portNumber} (${reason}); is Traceboard running there? (--url)`));
    };
    socket.once("connect", () => {
      socket.end();
      resolve();
    });
    socket.once("timeout", () => fail(`no answer within ${timeoutMs} ms`));
    socket.once("error", (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
  });
}
