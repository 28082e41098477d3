import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

// Workflow-task time in the bench cases' histories: every
// WorkflowTaskStarted→WorkflowTaskCompleted, and per command (Update) the sum
// of the tasks from the one that accepted it to the one that completed it.

const T = temporal.api.enums.v1.EventType;

interface Ts {
  seconds?: { toNumber(): number } | number | null;
  nanos?: number | null;
}
const ms = (t: Ts | null | undefined): number => {
  if (!t) return NaN;
  const s = typeof t.seconds === 'number' ? t.seconds : (t.seconds?.toNumber() ?? 0);
  return s * 1000 + (t.nanos ?? 0) / 1e6;
};

export interface TaskTimes {
  /** Each workflow task, Started→Completed, ms. */
  tasks: number[];
  /** Per Update accepted and completed: its workflow tasks summed, ms. */
  perCommand: number[];
  /** Per Update: how many workflow tasks it took. */
  tasksPerCommand: number[];
  /** Per Update: Accepted→Completed event time, ms (the handler's run, activity included). */
  acceptedToCompleted: number[];
}

export async function workflowTaskTimes(client: Client, workflowIds: string[]): Promise<TaskTimes> {
  const out: TaskTimes = { tasks: [], perCommand: [], tasksPerCommand: [], acceptedToCompleted: [] };
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    let started = NaN;
    let lastTask = 0;
    const open = new Map<string, { sum: number; tasks: number; at: number }>();
    for (const e of history.events ?? []) {
      switch (e.eventType) {
        case T.EVENT_TYPE_WORKFLOW_TASK_STARTED:
          started = ms(e.eventTime);
          break;
        case T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED: {
          lastTask = ms(e.eventTime) - started;
          out.tasks.push(lastTask);
          for (const o of open.values()) {
            o.sum += lastTask;
            o.tasks++;
          }
          break;
        }
        case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
          const a = e.workflowExecutionUpdateAcceptedEventAttributes;
          const updateId = a?.acceptedRequest?.meta?.updateId ?? a?.protocolInstanceId ?? String(e.eventId);
          // The task that ran the validator and accepted it completed just before.
          open.set(updateId, { sum: lastTask, tasks: 1, at: ms(e.eventTime) });
          break;
        }
        case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
          const updateId = e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId ?? '';
          const o = open.get(updateId);
          if (o) {
            // A handler that returns in the accepting task completes in that task.
            out.perCommand.push(o.sum);
            out.tasksPerCommand.push(o.tasks);
            out.acceptedToCompleted.push(ms(e.eventTime) - o.at);
            open.delete(updateId);
          }
          break;
        }
        default:
          break;
      }
    }
  }
  return out;
}
