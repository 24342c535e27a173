import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { CohortError } from "../errors.js";

/**
 * Where a streamed writer's bytes go. The writer fills `buffer()` (at least BUFFER_BYTES long) and
 * hands `length` bytes of it over with `submit`; `write` takes bytes from elsewhere (Parquet's encoder).
 * `commit` makes the output visible, `abort` removes any partial file.
 */
export interface ByteTarget {
  buffer(): Buffer;
  submit(length: number): void;
  write(bytes: Uint8Array): void;
  commit(): void;
  abort(): void;
}

/** Bytes of one buffer the writers fill. */
export const BUFFER_BYTES = 1 << 22;
const SLOTS = 4;

/** Adds `write` to a target that only knows buffer/submit. */
function withWrite(target: Omit<ByteTarget, "write">): ByteTarget {
  return {
    ...target,
    write(bytes) {
      for (let done = 0; done < bytes.length; ) {
        const buffer = target.buffer();
        const length = Math.min(buffer.length, bytes.length - done);
        buffer.set(bytes.subarray(done, done + length));
        target.submit(length);
        done += length;
      }
    },
  };
}

/** A target that keeps nothing (for timing a writer alone). */
export function discardTarget(): ByteTarget {
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  return withWrite({ buffer: () => buffer, submit: () => {}, commit: () => {}, abort: () => {} });
}

/** stdout: each buffer handed over is kept by the stream, so every buffer is a new one. */
export function stdoutTarget(): ByteTarget {
  let current: Buffer | undefined;
  return withWrite({
    buffer: () => (current ??= Buffer.allocUnsafe(BUFFER_BYTES)),
    submit(length) {
      if (current === undefined || length === 0) return;
      process.stdout.write(current.subarray(0, length));
      current = undefined;
    },
    commit: () => {},
    abort: () => {},
  });
}

/**
 * A file written atomically: into a temporary file in the same folder, renamed over the target on
 * commit (a crash or a refused run never leaves half a file). The first buffer is written by this
 * thread; from the second on, a worker thread (write-worker.mjs) writes each filled buffer while this
 * thread fills the next, up to four buffers ahead, so the kernel's copy of a large output runs on
 * another core (tests/bench/sample-writer.bench.ts). Memory stays at four 4 MiB buffers.
 *
 * @param path the file to write
 * @throws CohortError naming the file when it cannot be created or written (a full disk, no permission)
 */
export function fileTarget(path: string): ByteTarget {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  const failed = (reason: string): CohortError => new CohortError({ file: path, message: `cannot write ${path}: ${reason}` });
  let fd: number | undefined;
  try {
    mkdirSync(folder, { recursive: true });
    fd = openSync(temporary, "w");
  } catch (error) {
    throw failed((error as Error).message);
  }
  const first = Buffer.allocUnsafe(BUFFER_BYTES);
  let submitted = 0;
  let worker: Worker | undefined;
  let slots: SharedArrayBuffer | undefined;
  let state: Int32Array | undefined;
  let port: MessageChannel["port1"] | undefined;
  let slot = 0;
  const workerError = (): never => {
    const message = port ? receiveMessageOnPort(port)?.message : undefined;
    throw failed(typeof message === "string" ? message : "the writer thread stopped");
  };
  const waitFree = (index: number) => {
    for (let value = Atomics.load(state!, index); value !== 0; value = Atomics.load(state!, index)) {
      if (Atomics.load(state!, SLOTS) !== 0) workerError();
      Atomics.wait(state!, index, value, 1000);
    }
    if (Atomics.load(state!, SLOTS) !== 0) workerError();
  };
  const startWorker = () => {
    slots = new SharedArrayBuffer(SLOTS * BUFFER_BYTES);
    const control = new SharedArrayBuffer((SLOTS + 1) * 4);
    state = new Int32Array(control);
    const channel = new MessageChannel();
    port = channel.port1;
    worker = new Worker(new URL("./write-worker.mjs", import.meta.url), { workerData: { fd, slots, slotBytes: BUFFER_BYTES, control, port: channel.port2 }, transferList: [channel.port2], execArgv: [] });
    worker.unref();
  };
  const stopWorker = () => {
    if (!worker) return;
    for (let index = 0; index < SLOTS; index++) waitFree(index);
    Atomics.store(state!, slot, -1);
    Atomics.notify(state!, slot);
    void worker.terminate();
    worker = undefined;
  };
  return withWrite({
    buffer() {
      if (submitted === 0) return first;
      if (!worker) startWorker();
      waitFree(slot);
      return Buffer.from(slots!, slot * BUFFER_BYTES, BUFFER_BYTES);
    },
    submit(length) {
      if (length === 0) return;
      if (submitted++ === 0) {
        try {
          for (let done = 0; done < length; ) done += writeSync(fd!, first, done, length - done);
        } catch (error) {
          throw failed((error as Error).message);
        }
        return;
      }
      Atomics.store(state!, slot, length);
      Atomics.notify(state!, slot);
      slot = (slot + 1) % SLOTS;
    },
    commit() {
      if (fd === undefined) return;
      stopWorker();
      closeSync(fd);
      fd = undefined;
      try {
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw failed((error as Error).message);
      }
    },
    abort() {
      if (worker) void worker.terminate();
      worker = undefined;
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(temporary, { force: true });
    },
  });
}
