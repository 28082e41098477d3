import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OUTSIDE_BODY_KINDS, type OutsideBodyKind } from '@zhifa/domain';
import { Text } from '../commands/dto-rules';

/** A police unit or procuratorate to register (R310 6, 7). */
export class RegisterBodyDto {
  @ApiProperty({ example: '长治市公安局潞州分局', description: 'Its official name, as a dispatch or a forwarding names it' })
  @Text(300)
  name!: string;

  @ApiProperty({ enum: OUTSIDE_BODY_KINDS })
  @IsIn(OUTSIDE_BODY_KINDS)
  kind!: OutsideBodyKind;

  @ApiProperty({ example: '长治市潞州区', description: 'The region or jurisdiction it serves' })
  @Text(300)
  region!: string;
}

/** A body a transfer may be addressed to, as anyone signed in sees it (dispatch and forwarding forms). */
export class BodyOptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '长治市公安局' }) name!: string;
  @ApiProperty({ enum: OUTSIDE_BODY_KINDS }) kind!: OutsideBodyKind;
  @ApiProperty({ example: '长治市' }) region!: string;
}

export class BodyOptionListView {
  @ApiProperty({ type: [BodyOptionView], description: 'The active bodies, by kind and name' })
  items!: BodyOptionView[];
}

/** A registered body with its audit: who registered it, and who deactivated it. */
export class BodyView extends BodyOptionView {
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ example: '系统管理员' }) registeredBy!: string;
  @ApiPropertyOptional({ format: 'date-time' }) deactivatedAt?: string;
  @ApiPropertyOptional({ example: '系统管理员' }) deactivatedBy?: string;
}

export class BodyListView {
  @ApiProperty({ type: [BodyView], description: 'Active first, then by kind and name' })
  items!: BodyView[];
}
