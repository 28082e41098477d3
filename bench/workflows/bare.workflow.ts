// The bare twin of the case workflow (bench/command-path.bench.ts): one
// Update with a validator, whose handler returns at once. No activity, no
// timer, no state but a counter: what an Update costs on this server and
// worker when the workflow itself does nothing.
import { ApplicationFailure, condition, defineUpdate, setHandler } from '@temporalio/workflow';

export interface BareCommand {
  n: number;
}

export const bareUpdate = defineUpdate<{ n: number; seen: number }, [BareCommand]>('bare');

export async function bareWorkflow(): Promise<void> {
  let seen = 0;
  setHandler(
    bareUpdate,
    (command) => {
      seen++;
      return { n: command.n, seen };
    },
    {
      validator: (command) => {
        if (!command || typeof command.n !== 'number') throw ApplicationFailure.nonRetryable('not a bare command', 'BARE.INVALID');
      },
    },
  );
  await condition(() => false);
}
