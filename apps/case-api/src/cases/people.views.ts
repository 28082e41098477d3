import { ApiProperty } from '@nestjs/swagger';
import type { CaseOfficer, PersonRef } from '@zhifa/domain';

// People as the views name them (the case view and the measures both show them).

export class CaseOfficerView implements CaseOfficer {
  @ApiProperty({ type: String, format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, example: '张明' })
  name!: string;

  @ApiProperty({ type: String, description: 'The certificate valid when assigned' })
  certificateNumber!: string;
}

export class PersonRefView implements PersonRef {
  @ApiProperty({ type: String, format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, example: '刘洋' })
  name!: string;
}
