import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { SERVICE_METHODS, type ServiceDetails, type ServiceMethod } from '@zhifa/domain';
import { iso, IsInstant, Text } from './dto-rules';

/** How a document was served (APL 61; CivPL); the deemed date follows from the method. */
export class ServiceDto {
  @ApiProperty({ enum: SERVICE_METHODS, description: 'DIRECT, REFUSED (留置), ELECTRONIC (needs consent), POSTAL, PUBLIC_NOTICE (served 30 days after publication)' })
  @IsIn(SERVICE_METHODS)
  method!: ServiceMethod;

  @ApiProperty({ example: '2026-11-23T06:00:00Z', description: 'Signed, left, arrived, received or published (ISO 8601 with zone)' })
  @IsInstant()
  servedAt!: string;

  @ApiProperty({ example: '王某 (the party)' })
  @Text(200)
  recipient!: string;

  @ApiProperty({ example: '送达回证 No. 2026-0001', description: 'Reference to the proof of service' })
  @Text(500)
  proof!: string;

  @ApiPropertyOptional({ description: 'ELECTRONIC: the party consented (APL 61)' })
  @IsOptional()
  @IsBoolean()
  consentToElectronic?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'REFUSED: witnesses present' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Text(200, { each: true })
  witnesses?: string[];

  @ApiPropertyOptional({ description: 'REFUSED: recorded on video instead of witnesses' })
  @IsOptional()
  @IsBoolean()
  videoRecorded?: boolean;
}

export function serviceDetails(dto: ServiceDto): ServiceDetails {
  return {
    method: dto.method,
    servedAt: iso(dto.servedAt),
    recipient: dto.recipient,
    proof: dto.proof,
    ...(dto.consentToElectronic !== undefined ? { consentToElectronic: dto.consentToElectronic } : {}),
    ...(dto.witnesses !== undefined ? { witnesses: [...dto.witnesses] } : {}),
    ...(dto.videoRecorded !== undefined ? { videoRecorded: dto.videoRecorded } : {}),
  };
}
