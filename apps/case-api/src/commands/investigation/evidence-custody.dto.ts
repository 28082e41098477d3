import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsInstant, Text } from '../dto-rules';

/** Hand an evidence item from its custodian to another person (chain of custody). */
export class TransferCustodyDto {
  @ApiProperty({ description: 'User id of the current custodian (checked against the record)' })
  @IsUUID('all')
  from!: string;

  @ApiProperty({ description: 'User id of the new custodian' })
  @IsUUID('all')
  to!: string;

  @ApiProperty({ example: '2026-11-23T08:00:00Z' })
  @IsInstant()
  at!: string;

  @ApiProperty({ example: 'moved to the evidence room' })
  @Text(2000)
  reason!: string;
}
