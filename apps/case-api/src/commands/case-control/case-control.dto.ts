import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { commandsForAction, DEADLINE_KINDS, RECUSAL_REQUESTERS, type DeadlineKind, type RecusalRequester } from '@zhifa/domain';
import { Text } from '../dto-rules';

/** Extend a running deadline with the head's approval (filing decision once; decision per policy). */
export class ExtensionDto {
  @ApiProperty({ enum: DEADLINE_KINDS, example: 'decision', description: 'Only filingDecision and decision are extendable' })
  @IsIn(DEADLINE_KINDS)
  deadline!: DeadlineKind;

  @ApiProperty()
  @Text(4000)
  reason!: string;
}

/** The commands behind the suspension route, as the command table lists them. */
const SUSPENSION_COMMANDS = commandsForAction('suspension') as ('SUSPEND' | 'RESUME' | 'TERMINATE')[];
type SuspensionCommand = (typeof SUSPENSION_COMMANDS)[number];

/** 中止 / resume / 终止 (MSA 46–47). */
export class SuspensionDto {
  @ApiProperty({ enum: SUSPENSION_COMMANDS })
  @IsIn(SUSPENSION_COMMANDS)
  action!: SuspensionCommand;

  @ApiProperty()
  @Text(4000)
  reason!: string;
}

/** 回避 (APL 43): the head removes a person from the case, naming a replacement when needed. */
export class RecusalDto {
  @ApiProperty({ description: 'User id of the officer or hearing host to remove' })
  @IsUUID('all')
  userId!: string;

  @ApiProperty()
  @Text(4000)
  reason!: string;

  @ApiProperty({ enum: RECUSAL_REQUESTERS })
  @IsIn(RECUSAL_REQUESTERS)
  requestedBy!: RecusalRequester;

  @ApiPropertyOptional({ description: 'User id of a certified officer who takes the place' })
  @IsOptional()
  @IsUUID('all')
  replacementId?: string;
}

/** 结案 (MSA 77). */
export class ClosureDto {
  @ApiProperty({ example: '结案审批表: penalty executed in full' })
  @Text(4000)
  summary!: string;
}
