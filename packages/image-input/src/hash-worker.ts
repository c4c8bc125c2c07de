/**
 * Worker-thread side of the hash pool: receives decoded pixels (transferred, not copied), runs the
 * pure PDQ maths and posts the result back. Failures are posted as messages, never thrown, so one
 * bad image cannot take the worker down.
 */
import { parentPort } from "node:worker_threads";
import { pdqHashDihedral } from "@nexus/image-hash";
import type { HashRequest, HashResponse } from "./hash-protocol.js";

const port = parentPort;
if (port === null) throw new Error("hash-worker must run in a worker thread");

port.on("message", (request: HashRequest) => {
  let response: HashResponse;
  try {
    const { width, height, channels, data, options } = request;
    response = { id: request.id, result: pdqHashDihedral({ width, height, channels, data }, options) };
  } catch (cause) {
    response = { id: request.id, error: cause instanceof Error ? cause.message : String(cause) };
  }
  port.postMessage(response);
});
