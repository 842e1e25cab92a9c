/** How often the parent is looked for: a stop within half a second, at no cost worth measuring. */
const PARENT_POLL_MS = 500;

/** Why a long-running command stopped, as its last lines say it. */
export type StopReason = 'a signal' | 'its parent process ended';

/**
 * Settles on the first SIGINT, SIGTERM or SIGHUP, or when the parent process goes away. The last
 * matters under `npx ... &`: npm runs the command in `sh -c`, which neither passes SIGINT on nor
 * takes its child with it when it dies, so without this a stopped CI job would leave the server
 * orphaned and holding its port.
 */
export function untilStopped(): Promise<StopReason> {
  return new Promise((stop) => {
    const parent = process.ppid;
    const poll = setInterval(() => {
      if (process.ppid !== parent) end('its parent process ended');
    }, PARENT_POLL_MS).unref();
    const onSignal = () => end('a signal');
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    function end(reason: StopReason) {
      clearInterval(poll);
      for (const signal of signals) process.off(signal, onSignal);
      stop(reason);
    }
    for (const signal of signals) process.on(signal, onSignal);
  });
}
