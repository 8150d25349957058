import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsISO8601, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

const ISO = { strict: true, strictSeparator: true };

class SampledUnitsDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  cartonIds?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  codes?: string[];
}

export class SamplingDto {
  @ApiProperty({ description: 'the lot sampled' }) @IsString() @MaxLength(40) batchId!: string;
  @ApiPropertyOptional({ description: 'cartons or items sampled; absent: the lot' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SampledUnitsDto)
  units?: SampledUnitsDto;
  @ApiPropertyOptional({ description: 'a facility of the chain where the samples were taken' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  facilityId?: string;
  @ApiProperty({ example: '乐昌市农贸市场 12 号摊位' }) @IsString() @MaxLength(200) place!: string;
  @ApiProperty({ description: 'the inspectors, as they sign the sampling record (抽样单)', example: '李明、王芳' })
  @IsString()
  @MaxLength(100)
  sampledBy!: string;
  @ApiProperty({ example: '2026-07-16T09:00:00+08:00' }) @IsISO8601(ISO) sampledAt!: string;
  @ApiPropertyOptional({ description: 'the testing lab the samples go to' }) @IsOptional() @IsString() @MaxLength(40) labId?: string;
  @ApiPropertyOptional({ example: 'CJ-20260716-01' }) @IsOptional() @IsString() @MaxLength(40) sampleId?: string;
}

export class SpotCheckResultDto {
  @ApiProperty() @IsBoolean() passed!: boolean;
  @ApiProperty() @IsISO8601(ISO) testedAt!: string;
  @ApiPropertyOptional({ example: 'GB 2763-2021' }) @IsOptional() @IsString() @MaxLength(60) standardRef?: string;
  @ApiPropertyOptional({ example: '吡虫啉' }) @IsOptional() @IsString() @MaxLength(80) analyte?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) value?: number;
  @ApiPropertyOptional({ example: 'mg/kg' }) @IsOptional() @IsString() @MaxLength(16) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) threshold?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}
