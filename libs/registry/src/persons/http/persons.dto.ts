import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { RegionDto } from '../../http/registry.dto';

export class RegisterPersonDto {
  @ApiProperty({ example: '黄秀英' }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty({ description: '居民身份证号码: 18 characters, GB 11643 check character verified', example: '440281199003071237' })
  @IsString()
  @Matches(/^\d{17}[\dXx]$/, { message: 'idNumber must be 17 digits and a check character (0–9 or X)' })
  idNumber!: string;
  @ApiPropertyOptional({ example: '13800138000' }) @IsOptional() @Matches(/^[0-9+\- ]{5,20}$/) phone?: string;
  @ApiProperty({ type: RegionDto, description: 'where the household lives, coarse: shown in clear; county required' })
  @ValidateNested()
  @Type(() => RegionDto)
  region!: RegionDto;
}

export class ErasePersonDto {
  @ApiPropertyOptional({ description: 'why, never who: it stays in the record in clear', example: 'consent withdrawn' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class ReadPersonQueryDto {
  @ApiPropertyOptional({ enum: ['id'], description: 'id: the whole ID number, not masked' }) @IsOptional() @IsIn(['id']) reveal?: 'id';
}
