import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * With RECORD_HISTORIES=1, stores a workflow's history for the replay suite,
 * as protobuf binary: the SDK's JSON path (historyFromJSON) trips over
 * protobufjs instanceof checks under Jest's module registry.
 */
export async function maybeRecordHistory(client: Client, workflowId: string, scenario: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const bytes = temporal.api.history.v1.History.encode(history).finish();
  writeFileSync(join(__dirname, '../replay/histories', `${scenario}.binpb`), bytes);
}
