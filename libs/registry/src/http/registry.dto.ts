import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FACILITY_TYPES, FacilityType, ORGANIZATION_ROLES, OrganizationRole } from '../domain/events';

export class RegionDto {
  @ApiPropertyOptional({ example: '广东省' }) @IsOptional() @IsString() @MaxLength(40) province?: string;
  @ApiPropertyOptional({ example: '韶关市' }) @IsOptional() @IsString() @MaxLength(40) city?: string;
  @ApiProperty({ example: '乐昌市' }) @IsString() @IsNotEmpty() @MaxLength(40) county!: string;
  @ApiPropertyOptional({ example: '北乡镇' }) @IsOptional() @IsString() @MaxLength(40) town?: string;
  @ApiPropertyOptional({ example: '北乡村' }) @IsOptional() @IsString() @MaxLength(40) village?: string;
}

/** An organization's place; a provincial regulator names its province without a county. */
export class OrganizationRegionDto {
  @ApiPropertyOptional({ example: '广东省' }) @IsOptional() @IsString() @MaxLength(40) province?: string;
  @ApiPropertyOptional({ example: '韶关市' }) @IsOptional() @IsString() @MaxLength(40) city?: string;
  @ApiPropertyOptional({ example: '乐昌市', description: 'required but for a provincial regulator' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  county?: string;
  @ApiPropertyOptional({ example: '北乡镇' }) @IsOptional() @IsString() @MaxLength(40) town?: string;
  @ApiPropertyOptional({ example: '北乡村' }) @IsOptional() @IsString() @MaxLength(40) village?: string;
}

export class GeoPointDto {
  @ApiProperty() @IsNumber() @Min(-90) @Max(90) lat!: number;
  @ApiProperty() @IsNumber() @Min(-180) @Max(180) lng!: number;
}

export class TemperatureRangeDto {
  @ApiProperty({ example: 0 }) @IsNumber() @Min(-60) @Max(80) minC!: number;
  @ApiProperty({ example: 3 }) @IsNumber() @Min(-60) @Max(80) maxC!: number;
}

export class RegisterOrganizationDto {
  @ApiProperty({ example: '乐昌市北乡黄金柰李专业合作社' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ enum: ORGANIZATION_ROLES }) @IsIn(ORGANIZATION_ROLES) role!: OrganizationRole;
  @ApiPropertyOptional({ description: '统一社会信用代码 (18 characters)', example: '93440281MA4WXXXXXX' })
  @IsOptional()
  @IsString()
  @Length(18, 18)
  creditCode?: string;
  @ApiPropertyOptional({
    type: OrganizationRegionDto,
    description: 'a regulator’s is its jurisdiction (required): its county, or its province alone',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationRegionDto)
  region?: OrganizationRegionDto;
  @ApiPropertyOptional({ description: 'public business contact, printed on certificates' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/)
  contactPhone?: string;
}

export class IssueApiKeyDto {
  @ApiPropertyOptional({ example: 'packing line tablet' }) @IsOptional() @IsString() @MaxLength(60) label?: string;
}

export class RegisterFacilityDto {
  @ApiPropertyOptional({ description: 'owner organization; only the administrator may name another one' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  ownerId?: string;
  @ApiProperty({ enum: FACILITY_TYPES }) @IsIn(FACILITY_TYPES) type!: FacilityType;
  @ApiProperty({ example: '北乡镇预冷分级包装中心' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ type: RegionDto }) @ValidateNested() @Type(() => RegionDto) region!: RegionDto;
  @ApiPropertyOptional({ type: GeoPointDto }) @IsOptional() @ValidateNested() @Type(() => GeoPointDto) location?: GeoPointDto;
  @ApiPropertyOptional({ description: 'vehicles: plate number', example: '粤F·C1234' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  plate?: string;
  @ApiPropertyOptional({ description: 'farm plots: area in 亩 (what regulators weigh the harvest against)', example: 12.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  areaMu?: number;
}

export class YieldPerMuDto {
  @ApiProperty({ description: 'kg per 亩 per season (a processed product: per 亩 of the plots its inputs grow on)', example: 320 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(100_000)
  kg!: number;
  @ApiPropertyOptional({
    description: 'the month (1–12, China time) the season starts in; a season runs twelve months, named by the year it starts in',
    example: 3,
    default: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  seasonStartMonth?: number;
}

export class RegisterProductDto {
  @ApiProperty({ example: '黄金柰李' }) @IsString() @IsNotEmpty() @MaxLength(60) nameZh!: string;
  @ApiProperty({ example: 'Huangjin Nai plum' }) @IsString() @IsNotEmpty() @MaxLength(80) nameEn!: string;
  @ApiProperty({ example: 'stone fruit' }) @IsString() @IsNotEmpty() @MaxLength(40) category!: string;
  @ApiProperty({ example: 'chilled' }) @IsString() @IsNotEmpty() @MaxLength(40) storageClass!: string;
  @ApiPropertyOptional({ type: TemperatureRangeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemperatureRangeDto)
  storageRange?: TemperatureRangeDto;
  @ApiPropertyOptional({ type: TemperatureRangeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemperatureRangeDto)
  transportRange?: TemperatureRangeDto;
  @ApiPropertyOptional({ description: 'GTIN-8/12/13/14, check digit verified', example: '06901234567892' })
  @IsOptional()
  @Matches(/^\d{8}$|^\d{12,14}$/)
  gtin?: string;
  @ApiPropertyOptional({ example: ['特级', '一级', '二级'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  grades?: string[];
  @ApiPropertyOptional({ description: 'a processed product: the product ids its input lots may be', example: ['PRD-FRESH-LEAVES'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  madeFrom?: string[];
  @ApiPropertyOptional({
    type: YieldPerMuDto,
    description: 'what one 亩 of its plots gives in a season: what regulators weigh output against',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => YieldPerMuDto)
  yieldPerMu?: YieldPerMuDto;
}
