import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";

/** A call into a worker thread, and its answer: what crosses the boundary. */
export interface ThreadRequest<Method extends string = string> {
  id: number;
  method: Method;
  args: unknown[];
}

export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Error };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface ThreadCalls<Method extends string> {
  call<T>(method: Method, ...args: unknown[]): Promise<T>;
  /** Stops the thread, after `lastCall` when given (the thread's own clean-up). */
  close(lastCall?: Method): Promise<void>;
}

function workerError(entry: string, error: Error): Error {
  if (existsSync(entry)) return error;
  return new Error(`the SQLite thread is not built (${entry}): run \`npm run build\``, { cause: error });
}

/**
 * Request/answer calls into a worker thread started from `entry` (a bundle in dist/).
 * A thread that dies fails its pending calls, and the next call starts a new one. The
 * thread keeps the process alive only while a call is pending, so a script that
 * forgets close() still exits.
 */
export function threadCalls<Method extends string>(entry: string, workerData: unknown): ThreadCalls<Method> {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  function failAll(error: Error) {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    worker = null;
  }

  function settle(id: number): Pending | undefined {
    const call = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker?.unref();
    return call;
  }

  function startWorker(): Worker {
    const started = new Worker(entry, { workerData });
    started.on("message", (reply: ThreadReply) => {
      const call = settle(reply.id);
      if (reply.ok) call?.resolve(reply.value);
      else call?.reject(reply.error);
    });
    started.on("error", (error) => failAll(workerError(entry, error)));
    started.on("exit", (code) => {
      if (worker === started) failAll(new Error(`the SQLite thread ${entry} exited (code ${code})`));
    });
    started.unref();
    return started;
  }

  function call<T>(method: Method, ...args: unknown[]): Promise<T> {
    worker ??= startWorker();
    const id = (nextId += 1);
    const request: ThreadRequest<Method> = { id, method, args };
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker!.ref();
      worker!.postMessage(request);
    });
  }

  return {
    call,
    async close(lastCall) {
      if (!worker) return;
      if (lastCall) await call(lastCall);
      const closing = worker;
      worker = null;
      await closing?.terminate();
    },
  };
}
