import type { Logger } from "@nexus/logging";
import type { RunningService } from "./types.js";

/**
 * SIGTERM/SIGINT stop every service gracefully (drain, commit, disconnect) and exit 0; a second
 * signal exits at once with 130, for an operator who does not want to wait.
 */
export function stopOnSignals(services: readonly RunningService[], logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without draining");
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, "signal received: stopping");
    Promise.all(services.map((service) => service.stop())).then(
      () => process.exit(0),
      (thrown: unknown) => {
        logger.error({ err: thrown }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
