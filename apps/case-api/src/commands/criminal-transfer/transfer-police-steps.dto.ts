import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { IsInstant, Text } from '../dto-rules';

/** R310 7: a police unit without jurisdiction forwards the transfer to the competent one. */
export class ForwardTransferDto {
  @ApiProperty({ example: '长治市公安局潞州分局', description: 'The competent unit: an active police unit of the register (GET /bodies?kind=POLICE), not the one the transfer is with now' })
  @Text(300)
  policeAgency!: string;

  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  at!: string;

  @ApiProperty({ description: 'Why the receiving unit is not competent' })
  @Text(4000)
  reason!: string;
}

/** R310 7: the police ask for missing material; the agency supplies it within 3 days. */
export class TransferMaterialRequestDto {
  @ApiProperty({ type: [String], description: 'The material missing from the transfer' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Text(500, { each: true })
  materials!: string[];

  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  at!: string;
}

/** The agency supplies the material the police asked for (R310 7). */
export class TransferMaterialSupplyDto {
  @ApiProperty({ type: [String], description: 'The documents supplied' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Text(500, { each: true })
  documents!: string[];

  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  at!: string;
}

/** R310 12: items and files handed over within 3 days of the police's filing notice, with an inventory. */
export class TransferHandoverDto {
  @ApiProperty({ type: [String], description: 'The inventory: each item or file handed over' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Text(500, { each: true })
  inventory!: string[];

  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  at!: string;
}

/** APL 27: the police found no crime in an accepted case and return it for an administrative penalty. */
export class PoliceReturnDto {
  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  at!: string;

  @ApiProperty()
  @Text(4000)
  reason!: string;
}
