/**
 * Runs the echo stage and SIGKILLs its own process right after the outputs of CRASH_KEY are
 * acknowledged and before their offset can be committed: the worst moment for a crash.
 * Used by replay.integration.test.ts as a child process.
 */
import { createKafkaRuntime } from "../src/index.js";
import { echoTopology, silentLogger } from "./fixtures.js";

const { CRASH_BROKERS = "", CRASH_KEY = "", CRASH_PREFIX = "" } = process.env;

await createKafkaRuntime({
  brokers: CRASH_BROKERS.split(","),
  logger: silentLogger(),
  topicPrefix: CRASH_PREFIX,
  flushSize: 1,
  interceptSend: async (records, send) => {
    await send();
    if (records.some((record) => record.key === CRASH_KEY)) process.kill(process.pid, "SIGKILL");
  },
}).start(echoTopology());
