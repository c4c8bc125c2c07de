import { isMarkedAsUntransferable, Worker } from "node:worker_threads";
import { NexusError } from "@nexus/errors";
import type { PdqDihedralResult, PdqOptions, PixelBuffer } from "@nexus/image-hash";
import type { HashRequest, HashResponse } from "./hash-protocol.js";

/** PDQ maths on worker threads, so hashing runs beside libvips' decoding instead of after it. */
export interface HashPool {
  /**
   * Hashes decoded pixels on a worker. The pixel buffer is transferred, not copied: the caller must
   * not read it afterwards. Any failure, including a crashed worker, rejects with a NexusError.
   */
  hash(pixels: PixelBuffer, options?: PdqOptions): Promise<PdqDihedralResult>;
  /** Stops the workers; pending and later calls reject. Idle workers never keep a process alive. */
  close(): Promise<void>;
}

export interface HashPoolOptions {
  /** Worker threads, started on first use. */
  readonly size: number;
  /** Starts one worker (tests inject failing ones). Default: the hash-worker module. */
  readonly spawn?: () => Worker;
}

interface Task {
  readonly request: HashRequest;
  readonly resolve: (result: PdqDihedralResult) => void;
  readonly reject: (error: NexusError) => void;
}

interface Slot {
  readonly worker: Worker;
  task: Task | undefined;
}

const hashError = (message: string, cause?: unknown): NexusError =>
  new NexusError("NEXUS_IMAGE_DECODE", `cannot hash image: ${message}`, cause === undefined ? {} : { cause });

export function createHashPool(options: HashPoolOptions): HashPool {
  const size = Math.max(1, Math.floor(options.size));
  const spawn = options.spawn ?? spawnHashWorker;
  const slots = new Set<Slot>();
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;

  function settle(slot: Slot, response: HashResponse): void {
    const task = slot.task;
    if (task === undefined || task.request.id !== response.id) return;
    slot.task = undefined;
    // Unreferenced while idle: a process that forgets close() still exits when its work is done.
    slot.worker.unref();
    if ("result" in response) task.resolve(response.result);
    else task.reject(hashError(response.error));
    dispatch();
  }

  function retire(slot: Slot, cause: unknown): void {
    if (!slots.delete(slot)) return;
    slot.task?.reject(hashError(cause instanceof Error ? cause.message : String(cause), cause));
    slot.task = undefined;
    void slot.worker.terminate();
    dispatch();
  }

  function addSlot(): Slot {
    const slot: Slot = { worker: spawn(), task: undefined };
    slots.add(slot);
    slot.worker.on("message", (response: HashResponse) => settle(slot, response));
    slot.worker.on("error", (cause) => retire(slot, cause));
    slot.worker.on("exit", (code) => retire(slot, new Error(`hash worker exited with code ${code}`)));
    slot.worker.unref();
    return slot;
  }

  function dispatch(): void {
    if (closed) return;
    try {
      while (queue.length > 0 && slots.size < size && [...slots].every((slot) => slot.task !== undefined)) addSlot();
    } catch (cause) {
      if (slots.size === 0)
        for (const task of queue.splice(0)) task.reject(hashError("cannot start a hash worker", cause));
    }
    for (const slot of slots) {
      if (slot.task !== undefined) continue;
      const task = queue.shift();
      if (task === undefined) return;
      slot.task = task;
      slot.worker.ref();
      post(slot, task);
    }
  }

  function post(slot: Slot, task: Task): void {
    try {
      slot.worker.postMessage(task.request, [task.request.data.buffer as ArrayBuffer]);
    } catch (cause) {
      slot.task = undefined;
      slot.worker.unref();
      task.reject(hashError("pixels could not be sent to the hash worker", cause));
    }
  }

  return {
    hash(pixels, options = {}) {
      if (closed) return Promise.reject(hashError("the hash pool is closed"));
      return new Promise((resolve, reject) => {
        const { width, height, channels } = pixels;
        const request = { id: nextId++, width, height, channels, data: ownedCopy(pixels.data), options };
        queue.push({ request, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(hashError("the hash pool is closed"));
      const stopping = [...slots].map((slot) => {
        slots.delete(slot);
        slot.task?.reject(hashError("the hash pool is closed"));
        return slot.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}

/**
 * The pixels as a view that owns its whole, transferable ArrayBuffer. A view into a shared buffer
 * (Node's pooled small Buffers) is copied, and so is memory a native addon owns: from Node 22 on,
 * sharp's output buffers are marked untransferable and posting them throws DataCloneError.
 */
function ownedCopy(data: Uint8Array): Uint8Array {
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  if (whole && data.buffer instanceof ArrayBuffer && !isMarkedAsUntransferable(data.buffer)) return data;
  return new Uint8Array(data);
}

/**
 * Starts the hash worker from compiled JavaScript, or, when this module itself runs from TypeScript
 * sources (tsx, vitest), through a small entry that registers tsx in the worker and resolves
 * workspace packages to their sources like the parent does.
 */
export function spawnHashWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) {
    // Inherit the parent's flags (loaders, conditions) except those only valid for an --eval entry.
    const execArgv = process.execArgv.filter((arg) => !arg.startsWith("--input-type"));
    return new Worker(new URL("./hash-worker.js", here), { execArgv });
  }
  return new Worker(new URL("./hash-worker-source.mjs", here), { execArgv: ["--conditions=nexus-source"] });
}
