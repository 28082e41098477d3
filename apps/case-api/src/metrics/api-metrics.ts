import { Injectable } from '@nestjs/common';
import { AppMetrics } from '@zhifa/metrics';

/** Where a command route's request ended. */
export type CommandOutcome = 'accepted' | 'refused' | 'error';

/** case-api's request metrics: every HTTP request, and the commands among them. */
@Injectable()
export class ApiMetrics {
  readonly requests;
  readonly commands;
  readonly workflowWaits;

  constructor(metrics: AppMetrics) {
    this.requests = metrics.histogram({
      name: 'zhifa_http_request_duration_seconds',
      help: 'HTTP requests to case-api by method, route pattern (not the raw URL) and status, until the response is sent',
      labelNames: ['method', 'route', 'status'] as const,
    });
    this.commands = metrics.counter({
      name: 'zhifa_commands_total',
      help: 'Command requests by action and outcome: accepted (2xx), refused (4xx, with the problem code) or error (5xx)',
      labelNames: ['action', 'outcome', 'code'] as const,
    });
    this.workflowWaits = metrics.histogram({
      name: 'zhifa_command_workflow_seconds',
      help: "Time a command on an existing case waited for its case workflow's answer (the Update: validated, recorded, answered), by command type; the rest of the request is case-api's own work",
      labelNames: ['command'] as const,
    });
  }
}
