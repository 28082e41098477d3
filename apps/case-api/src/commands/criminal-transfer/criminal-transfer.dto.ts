import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { POLICE_DECISIONS, SUPERVISION_OUTCOMES, type PoliceDecision, type SupervisionOutcome } from '@zhifa/domain';
import { ForAction, IsInstant, Text } from '../dto-rules';

/** 两法衔接 (R310 3, 5): propose a transfer; at least 2 officers prepare it. */
export class ProposeTransferDto {
  @ApiProperty()
  @Text(20000)
  grounds!: string;

  @ApiProperty({ type: [String], description: 'User ids of the officers preparing the transfer (at least 2)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  officerIds!: string[];

  @ApiPropertyOptional({ description: 'The facts that reach the criminal threshold' })
  @IsOptional()
  @Text(4000)
  thresholdFacts?: string;
}

/** The head approves or refuses within 3 days; a refusal needs reasons (R310 5). */
export class TransferApprovalDto {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiProperty()
  @Text(4000)
  reason!: string;
}

/** Sent to public security, copy to the procuratorate (R310 6). */
export class DispatchTransferDto {
  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  sentAt!: string;

  @ApiProperty({ example: '长治市公安局', description: 'An active police unit of the register of outside bodies (GET /bodies?kind=POLICE)' })
  @Text(300)
  policeAgency!: string;

  @ApiProperty({ example: '长治市人民检察院', description: 'An active procuratorate of the register of outside bodies (GET /bodies?kind=PROCURATORATE)' })
  @Text(300)
  procuratorate!: string;

  @ApiProperty({ type: [String], description: 'Transfer letter, investigation report, item list, test reports...' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Text(500, { each: true })
  documents!: string[];
}

/** Public security: receipt, then accept or decline with reasons (R310 7–9). */
export class PoliceDecisionDto {
  @ApiProperty({ enum: POLICE_DECISIONS })
  @IsIn(POLICE_DECISIONS)
  decision!: PoliceDecision;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T06:00:00Z', description: 'When the police signed the receipt or decided on filing' })
  @IsInstant()
  at!: string;

  @ApiPropertyOptional({ description: 'Required with DECLINE' })
  @ValidateIf((o: PoliceDecisionDto, v: unknown) => o.decision === 'DECLINE' || v !== undefined)
  @Text(4000)
  reason?: string;
}

/** REQUEST (agency, within 3 days of a refusal) or ANSWER (police) a reconsideration (R310 9). */
export class TransferReconsiderationDto {
  @ApiProperty({ enum: ['REQUEST', 'ANSWER'] })
  @IsIn(['REQUEST', 'ANSWER'])
  action!: 'REQUEST' | 'ANSWER';

  @ApiProperty()
  @Text(4000)
  reason!: string;

  @ApiPropertyOptional({ description: 'ANSWER: the police accept the case after all' })
  @ForAction(['ANSWER'])
  @IsBoolean()
  accept?: boolean;
}

/** REQUEST (agency) or RESOLVE (procuratorate) filing supervision (立案监督). */
export class TransferSupervisionDto {
  @ApiProperty({ enum: ['REQUEST', 'RESOLVE'] })
  @IsIn(['REQUEST', 'RESOLVE'])
  action!: 'REQUEST' | 'RESOLVE';

  @ApiProperty()
  @Text(4000)
  reason!: string;

  @ApiPropertyOptional({ enum: SUPERVISION_OUTCOMES, description: 'RESOLVE' })
  @ForAction(['RESOLVE'])
  @IsIn(SUPERVISION_OUTCOMES)
  outcome?: SupervisionOutcome;
}

/** After a final refusal the agency completes the administrative case (R310 10). */
export class ResumeAdministrativeCaseDto {
  @ApiProperty()
  @Text(4000)
  reason!: string;
}
