import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { StandardRules } from '../domain/rules';

const ISO = { strict: true, strictSeparator: true };

export class PublishStandardDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(40) productId!: string;
  @ApiProperty({ example: '乐昌黄金柰李电商交易标准' }) @IsString() @IsNotEmpty() @MaxLength(120) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiProperty({ description: 'batches packed from this time on are judged under this version', example: '2026-07-01T00:00:00+08:00' })
  @IsISO8601(ISO)
  effectiveFrom!: string;
  @ApiProperty({
    description:
      'rule kinds, each optional: grading, preCooling, storage, transport, tests, safetyIntervals, certificates, harvestToPacking, hubToVillage, requiredData, processingYield (see README)',
    example: {
      preCooling: { withinHours: 3, maxCoreTemperatureC: 5 },
      transport: { minC: 0, maxC: 3, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
    },
  })
  @IsObject()
  rules!: StandardRules;
}

export class BrandCertificationDto {
  @ApiPropertyOptional({ description: 'the regional public brand the label carries', example: '乐昌农品' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  brand?: string;
}
