import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * With RECORD_HISTORIES=1, stores a workflow's history for the replay suite,
 * as protobuf binary: the SDK's JSON path (historyFromJSON) trips over
 * protobufjs instanceof checks under Jest's module registry. A stored
 * history is never replaced: after a workflow change, record the scenario
 * again under a new name with RECORD_HISTORIES_SUFFIX (`<scenario>-<suffix>`).
 */
export async function maybeRecordHistory(client: Client, workflowId: string, scenario: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const suffix = process.env.RECORD_HISTORIES_SUFFIX;
  const file = join(__dirname, '../replay/histories', `${suffix ? `${scenario}-${suffix}` : scenario}.binpb`);
  if (existsSync(file)) {
    console.warn(`not recorded: ${file} is stored already (stored histories are never replaced; set RECORD_HISTORIES_SUFFIX)`);
    return;
  }
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  writeFileSync(file, temporal.api.history.v1.History.encode(history).finish());
}
