import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@zhifa/domain';
import { Text } from '../commands/dto-rules';

/** Whose users: a system administrator names the agency (their own by default). */
export class UsersQuery {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'SYSTEM_ADMIN: the agency whose users; an ADMIN may name only their own' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

/** A user of the administrator's agency to create. */
export class CreateUserDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: "SYSTEM_ADMIN: the agency the user belongs to (the caller's own by default); an ADMIN may name only their own" })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiProperty({ example: 'police.tian', description: 'Signs in with it; letters, digits, dot, dash, underscore' })
  @Text(100)
  @Matches(/^[A-Za-z0-9._-]+$/)
  username!: string;

  @ApiProperty({ example: '田警官' })
  @Text(200)
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({
    example: '长治市公安局潞州分局',
    description: 'A police or procuratorate liaison: the active registered body of their kind they belong to (GET /bodies); nobody else belongs to one',
  })
  @IsOptional()
  @Text(300)
  body?: string;
}

/** What an administrator may change of a user: name, roles, outside body, active. Omitted fields keep their value. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '田警官' })
  @IsOptional()
  @Text(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '长治市公安局', description: 'null: belongs to no outside body' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @Text(300)
  body?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AdminUserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'police.tian' }) username!: string;
  @ApiProperty({ example: '田警官' }) name!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiPropertyOptional({ example: '长治市公安局潞州分局' }) body?: string;
  @ApiProperty() active!: boolean;
}

export class AdminUserListView {
  @ApiProperty({ type: [AdminUserView], description: 'By username' })
  items!: AdminUserView[];
}
