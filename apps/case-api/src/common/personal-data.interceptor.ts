import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { maskPersonalData } from '@zhifa/domain';
import { map, type Observable } from 'rxjs';

const UNMASKED = 'zhifa:unmasked-personal-data';

/** The one kind of route that returns a party's personal information in full: it logs the read itself. */
export const UnmaskedPersonalData = (): MethodDecorator => SetMetadata(UNMASKED, true);

/**
 * PIPL: every response shows a party's ID number, phone and address masked,
 * wherever the party appears (a case, a command's result, a timeline's
 * payloads). Full values come only from routes marked @UnmaskedPersonalData,
 * which require a reason and log the read.
 */
@Injectable()
export class PersonalDataInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean>(UNMASKED, context.getHandler())) return next.handle();
    return next.handle().pipe(map((body: unknown) => maskPersonalData(body)));
  }
}
