import { Module } from '@nestjs/common';
import { DispatchModule } from './dispatch/dispatch.module';
import { JOB_BINDINGS, JOB_HANDLER_CLASSES } from './job-handlers';
import { JOB_ROUTES } from './job-routes';

@Module({
  imports: [DispatchModule.register({ routes: JOB_ROUTES, bindings: JOB_BINDINGS, handlers: JOB_HANDLER_CLASSES })],
})
export class JobsModule {}
