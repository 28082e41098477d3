import { AgencyEntity } from './agency.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseNumberCounterEntity } from './case-number-counter.entity';
import { CaseEntity } from './case.entity';
import { CertificateEntity } from './certificate.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxEntity } from './outbox.entity';
import { PolicyEntity } from './policy.entity';
import { UserEntity } from './user.entity';

export {
  AgencyEntity,
  CaseEventEntity,
  CaseNumberCounterEntity,
  CaseEntity,
  CertificateEntity,
  IdempotencyKeyEntity,
  NotificationEntity,
  OutboxEntity,
  PolicyEntity,
  UserEntity,
};

export const ENTITIES = [
  AgencyEntity,
  UserEntity,
  CertificateEntity,
  PolicyEntity,
  CaseEntity,
  CaseEventEntity,
  IdempotencyKeyEntity,
  OutboxEntity,
  NotificationEntity,
  CaseNumberCounterEntity,
];
export type { JsonDoc } from './json';
