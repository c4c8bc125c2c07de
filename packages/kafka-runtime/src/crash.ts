import type { Consumer } from "kafkajs";

/**
 * Calls `handle` when the consumer crashes for good. kafkajs restarts a consumer by itself after a
 * retriable crash (a group coordinator still loading its offsets partition on a broker that has just
 * started, say), so treating every CRASH event as fatal fails work that would have gone on.
 */
export function onFinalCrash(consumer: Consumer, handle: (error: Error) => void): void {
  consumer.on(consumer.events.CRASH, (event) => {
    if (!event.payload.restart) handle(event.payload.error);
  });
}
