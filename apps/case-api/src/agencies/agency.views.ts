import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Text } from '../commands/dto-rules';

/** Why an administrator made a change: kept in the administration log with it. */
class Reasoned {
  @ApiPropertyOptional({ example: '机构改革后更名', description: 'Kept in the administration log with the change' })
  @IsOptional()
  @Text(1000)
  reason?: string;
}

/** A new agency (SYSTEM_ADMIN). */
export class CreateAgencyDto extends Reasoned {
  @ApiProperty({ example: 'CZSJ', description: 'Unique; carried by its case numbers (CZSJ-2026-00001): capitals and digits, 2–16, starting with a capital' })
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/, { message: 'must be 2–16 capitals and digits, starting with a capital' })
  code!: string;

  @ApiProperty({ example: '长治市市场监督管理局' })
  @Text(200)
  name!: string;

  @ApiProperty({ example: '长治市市场监督管理局', description: 'The jurisdiction whose published policy its cases pin' })
  @Text(200)
  jurisdiction!: string;
}

/** What a system administrator may change of an agency: its name and jurisdiction (its code stays, case numbers carry it). */
export class UpdateAgencyDto extends Reasoned {
  @ApiPropertyOptional({ example: '长治市市场监督管理局' })
  @IsOptional()
  @Text(200)
  name?: string;

  @ApiPropertyOptional({ example: '长治市市场监督管理局' })
  @IsOptional()
  @Text(200)
  jurisdiction?: string;
}

export class AgencyPowerDto {
  @ApiProperty({ example: 'FOOD-UNLICENSED', description: "A violation code of the jurisdiction's current policy" })
  @Text(100)
  violationCode!: string;

  @ApiPropertyOptional({ example: '《食品安全法》第122条', description: "The legal basis of the power; omitted: the provision's own legal basis from the policy" })
  @IsOptional()
  @Text(1000)
  legalBasis?: string;
}

/** The agency's whole list of enforcement matters (权责清单), replacing the one it had. */
export class SetAgencyPowersDto extends Reasoned {
  @ApiProperty({ type: [AgencyPowerDto], description: 'Every matter the agency may penalise; an empty list: none' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AgencyPowerDto)
  powers!: AgencyPowerDto[];
}

export class AgencyPowerView {
  @ApiProperty({ example: 'FOOD-UNLICENSED' }) violationCode!: string;
  @ApiProperty({ example: '《食品安全法》第122条' }) legalBasis!: string;
  @ApiPropertyOptional({ example: '未取得食品生产经营许可从事食品生产经营', description: "The provision's title in the current policy (absent: no longer in it)" })
  title?: string;
}

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CZSJ' }) code!: string;
  @ApiProperty({ example: '长治市市场监督管理局' }) name!: string;
  @ApiProperty({ example: '长治市市场监督管理局' }) jurisdiction!: string;
  @ApiProperty({
    type: [AgencyPowerView],
    nullable: true,
    description: 'Its list of enforcement matters (权责清单); null: none configured, every code of its policy may be registered',
  })
  powers!: AgencyPowerView[] | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class AgencyListView {
  @ApiProperty({ type: [AgencyView], description: 'By code' }) items!: AgencyView[];
}
