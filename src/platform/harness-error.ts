import { EXIT } from './exit';

/** What an error of the run may say besides its message. */
export interface HarnessErrorOptions {
  /** The CLI's exit code for it. Default 2: the run could not do what it was asked. */
  exitCode?: number;
  /** The command's usage follows the message: the mistake is in how the command was called. Default false. */
  withUsage?: boolean;
  cause?: unknown;
}

/**
 * An error of the run (as opposed to a check that failed): data, rendered once by the CLI as one
 * line on standard error, then the command's usage when `withUsage`, and its exit code.
 * @example throw new HarnessError(`port ${port} is in use`, { cause: error });
 */
export class HarnessError extends Error {
  override name = 'HarnessError';
  readonly exitCode: number;
  readonly withUsage: boolean;

  constructor(message: string, options: HarnessErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? EXIT.unusable;
    this.withUsage = options.withUsage ?? false;
  }

  /** What the CLI says after `kaiten-webhooks: `: the message, unless a class puts it in context. */
  get said(): string {
    return this.message;
  }
}
