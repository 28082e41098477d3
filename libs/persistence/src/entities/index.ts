import { AgencyEntity } from './agency.entity';
import { ArchiveSigningKeyEntity } from './archive-signing-key.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseNumberCounterEntity } from './case-number-counter.entity';
import { CaseEntity } from './case.entity';
import { CertificateEntity } from './certificate.entity';
import { CustodyTransferEntity } from './custody-transfer.entity';
import { EvidenceItemEntity } from './evidence-item.entity';
import { HolidayCalendarEntity } from './holiday-calendar.entity';
import { PartyEntity } from './party.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { JobRetryEntity } from './job-retry.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxEntity } from './outbox.entity';
import { OutsideBodyEntity } from './outside-body.entity';
import { PolicyEntity } from './policy.entity';
import { PublicDisclosureEntity } from './public-disclosure.entity';
import { UserEntity } from './user.entity';
import { AgencyWebhookEntity, WebhookDeliveryEntity } from './webhook.entity';

export {
  AgencyEntity,
  ArchiveSigningKeyEntity,
  CaseEventEntity,
  CaseNumberCounterEntity,
  CaseEntity,
  CertificateEntity,
  CustodyTransferEntity,
  EvidenceItemEntity,
  HolidayCalendarEntity,
  IdempotencyKeyEntity,
  JobRetryEntity,
  NotificationEntity,
  PartyEntity,
  OutboxEntity,
  OutsideBodyEntity,
  PolicyEntity,
  PublicDisclosureEntity,
  UserEntity,
  AgencyWebhookEntity,
  WebhookDeliveryEntity,
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
  PartyEntity,
  EvidenceItemEntity,
  CustodyTransferEntity,
  HolidayCalendarEntity,
  JobRetryEntity,
  OutsideBodyEntity,
  AgencyWebhookEntity,
  WebhookDeliveryEntity,
  ArchiveSigningKeyEntity,
  PublicDisclosureEntity,
];
export type { JsonDoc } from './json';
