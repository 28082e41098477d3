import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

/** Attach auxiliary staff (辅助执法人员) to the case under one of its officers: they may then read it and draft evidence. */
export class AttachAuxiliaryDto {
  @ApiProperty({ description: 'User id of the auxiliary staff member (role AUXILIARY, this agency)' })
  @IsUUID('all')
  auxiliaryId!: string;

  @ApiProperty({ description: 'User id of the case officer they work under' })
  @IsUUID('all')
  supervisorId!: string;
}

/** Two certified officers of the case confirm an item drafted by auxiliary staff; it then counts as evidence. */
export class ConfirmEvidenceDto {
  @ApiProperty({ type: [String], description: 'The confirming officers of the case (at least two, certified)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  confirmerIds!: string[];
}
