// Worker thread of the sample writer's file target (byte-target.ts): writes filled buffer slots to the
// file while the main thread fills the next ones, so the kernel's copy of a large output runs on the
// other core. Plain JavaScript: a worker thread does not inherit the TypeScript loader in every runner.
// Protocol: slot i of `slots` holds bytes when state[i] > 0 (their length); -1 asks the worker to stop.
// After writing, the worker sets state[i] back to 0 and notifies. An error sets state[SLOTS] to 1 and
// is posted on `port` for the main thread to read synchronously.
import { writeSync } from "node:fs";
import { workerData } from "node:worker_threads";

const { fd, slots, slotBytes, control, port } = workerData;
const state = new Int32Array(control);
const count = state.length - 1;
for (let slot = 0; ; slot = (slot + 1) % count) {
  Atomics.wait(state, slot, 0);
  const length = Atomics.load(state, slot);
  if (length < 0) break;
  try {
    const bytes = new Uint8Array(slots, slot * slotBytes, length);
    for (let done = 0; done < length; ) done += writeSync(fd, bytes, done, length - done);
  } catch (error) {
    port.postMessage(error instanceof Error ? `${error.code ?? ""} ${error.message}`.trim() : String(error));
    Atomics.store(state, count, 1);
    Atomics.store(state, slot, 0);
    Atomics.notify(state, slot);
    break;
  }
  Atomics.store(state, slot, 0);
  Atomics.notify(state, slot);
}
port.close();
