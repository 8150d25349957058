import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CERTIFICATE_BASES,
  CertificateBasis,
  PRODUCT_CERTIFICATIONS,
  ProductCertification,
  VOID_REASONS,
  VoidReason,
} from '../domain/events';

const ISO = { strict: true, strictSeparator: true };
const UNITS = ['kg', 'g', 't', 'piece', 'head', 'box'] as const;

export class QuantityDto {
  @ApiProperty({ example: 1200 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) value!: number;
  @ApiProperty({ enum: UNITS, example: 'kg' }) @IsIn(UNITS) unit!: string;
}

export class RegisterBatchDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(40) productId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(40) farmPlotId!: string;
  @ApiPropertyOptional({
    description: 'lot code printed on labels (GS1 AI 10: up to 20 characters); minted when absent',
    example: 'LC20260715A',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9\-._]{1,20}$/, { message: 'lotCode must be 1–20 letters, digits, - . _' })
  lotCode?: string;
  @ApiPropertyOptional({ type: QuantityDto }) @IsOptional() @ValidateNested() @Type(() => QuantityDto) plannedQuantity?: QuantityDto;
}

export class FarmInputDto {
  @ApiProperty({ example: '吡虫啉可湿性粉剂' }) @IsString() @IsNotEmpty() @MaxLength(80) inputName!: string;
  @ApiPropertyOptional({ example: 'imidacloprid' }) @IsOptional() @IsString() @MaxLength(80) activeIngredient?: string;
  @ApiProperty({ enum: ['pesticide', 'fertilizer', 'veterinary_drug', 'feed', 'other'] })
  @IsIn(['pesticide', 'fertilizer', 'veterinary_drug', 'feed', 'other'])
  kind!: 'pesticide' | 'fertilizer' | 'veterinary_drug' | 'feed' | 'other';
  @ApiProperty({ type: QuantityDto }) @ValidateNested() @Type(() => QuantityDto) dose!: QuantityDto;
  @ApiProperty({ example: '2026-06-20T08:00:00+08:00' }) @IsISO8601(ISO) appliedAt!: string;
  @ApiProperty({ description: '安全间隔期, days', example: 14 }) @IsInt() @Min(0) @Max(365) safetyIntervalDays!: number;
}

export class HarvestDto {
  @ApiProperty({ example: '2026-07-15T06:00:00+08:00' }) @IsISO8601(ISO) harvestedAt!: string;
  @ApiProperty({ type: QuantityDto }) @ValidateNested() @Type(() => QuantityDto) quantity!: QuantityDto;
  @ApiPropertyOptional({ type: QuantityDto, description: 'animals counted in heads (出栏): their total live weight' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityDto)
  liveWeight?: QuantityDto;
}

export class PreCoolingDto {
  @ApiProperty() @IsString() @IsNotEmpty() facilityId!: string;
  @ApiProperty() @IsISO8601(ISO) startedAt!: string;
  @ApiProperty() @IsISO8601(ISO) endedAt!: string;
  @ApiProperty({ example: 4.5 }) @IsNumber() @Min(-30) @Max(40) coreTemperatureC!: number;
}

export class QualityTestDto {
  @ApiPropertyOptional() @IsOptional() @IsString() facilityId?: string;
  @ApiProperty({ example: 'pesticide_residue_rapid_test' }) @IsString() @IsNotEmpty() @MaxLength(80) method!: string;
  @ApiPropertyOptional({ example: 'GB/T 5009.199-2003' }) @IsOptional() @IsString() @MaxLength(60) standardRef?: string;
  @ApiPropertyOptional({ example: 'organophosphate & carbamate (enzyme inhibition)' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  analyte?: string;
  @ApiProperty({ example: 'S-20260715-01' }) @IsString() @IsNotEmpty() @MaxLength(40) sampleId!: string;
  @ApiProperty() @IsISO8601(ISO) testedAt!: string;
  @ApiProperty({ example: 18.2 }) @IsNumber({ allowNaN: false, allowInfinity: false }) value!: number;
  @ApiProperty({ example: '%' }) @IsString() @MaxLength(16) unit!: string;
  @ApiProperty({ example: 50 }) @IsNumber({ allowNaN: false, allowInfinity: false }) threshold!: number;
  @ApiPropertyOptional({ description: "the lab's verdict; when absent, passed = value < threshold (residues, inhibition %)" })
  @IsOptional()
  @IsBoolean()
  passed?: boolean;
}

export class GradeClassDto {
  @ApiProperty({ example: '特级' }) @IsString() @IsNotEmpty() @MaxLength(20) grade!: string;
  @ApiProperty({ type: QuantityDto }) @ValidateNested() @Type(() => QuantityDto) quantity!: QuantityDto;
  @ApiProperty({ example: { diameterMm: 45, brix: 14.2, weightG: 62 } })
  @IsObject()
  attributes!: Record<string, number>;
  @ApiPropertyOptional({
    description: 'share of this class measured below it, % (NY/T tolerance: 5 % for 特级, 10 % for 一级 and 二级)',
    example: 3,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  belowGradePct?: number;
}

export class GradingDto {
  @ApiProperty() @IsString() @IsNotEmpty() facilityId!: string;
  @ApiProperty() @IsISO8601(ISO) gradedAt!: string;
  @ApiProperty({ type: [GradeClassDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GradeClassDto)
  classes!: GradeClassDto[];
}

export class PackingLineDto {
  @ApiProperty({ example: '特级' }) @IsString() @IsNotEmpty() @MaxLength(20) grade!: string;
  @ApiProperty({ description: 'items (bags, boxes, birds) on this line', example: 40 }) @IsInt() @Min(1) @Max(5000) count!: number;
  @ApiProperty({ type: QuantityDto }) @ValidateNested() @Type(() => QuantityDto) netWeight!: QuantityDto;
  @ApiProperty({ example: 10 }) @IsInt() @Min(1) @Max(500) itemsPerCarton!: number;
}

export class PackingDto {
  @ApiProperty() @IsString() @IsNotEmpty() facilityId!: string;
  @ApiProperty() @IsISO8601(ISO) packedAt!: string;
  @ApiProperty({ type: [PackingLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PackingLineDto)
  lines!: PackingLineDto[];
}

export class CertificateDto {
  @ApiProperty({ type: QuantityDto }) @ValidateNested() @Type(() => QuantityDto) quantity!: QuantityDto;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(ISO) issuedAt?: string;
  @ApiProperty({ enum: CERTIFICATE_BASES, isArray: true, example: ['self_tested'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(CERTIFICATE_BASES, { each: true })
  basis!: CertificateBasis[];
  @ApiPropertyOptional({ description: 'public business contact printed on the certificate' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/)
  contactPhone?: string;
}

export class CertificationDto {
  @ApiProperty({ enum: PRODUCT_CERTIFICATIONS, example: 'green_food' }) @IsIn(PRODUCT_CERTIFICATIONS) kind!: ProductCertification;
  @ApiProperty({ example: 'LB-18-2107123456' }) @IsString() @IsNotEmpty() @MaxLength(60) certificateNo!: string;
  @ApiProperty({ example: '中国绿色食品发展中心' }) @IsString() @IsNotEmpty() @MaxLength(100) issuedBy!: string;
  @ApiPropertyOptional({ example: '2028-06-30T23:59:59+08:00' }) @IsOptional() @IsISO8601(ISO) validUntil?: string;
}

export class HandoverDto {
  @ApiProperty({ description: 'the organization (packhouse or cooperative) the goods are handed to' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  toOrganizationId!: string;
  @ApiPropertyOptional({ description: 'when the goods changed hands; now when absent' })
  @IsOptional()
  @IsISO8601(ISO)
  handedOverAt?: string;
  @ApiPropertyOptional({ example: '整批交北乡镇包装中心预冷分级包装' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class HandoverAcceptanceDto {
  @ApiPropertyOptional({ description: 'when the goods were taken over; now when absent' })
  @IsOptional()
  @IsISO8601(ISO)
  acceptedAt?: string;
}

export class HandoverEndDto {
  @ApiPropertyOptional({ description: 'when the goods went back; now when absent' }) @IsOptional() @IsISO8601(ISO) endedAt?: string;
}

export class VoidItemCodeDto {
  @ApiProperty({ enum: VOID_REASONS, example: 'damaged' }) @IsIn(VOID_REASONS) reason!: VoidReason;
  @ApiPropertyOptional({ description: 'what happened to the label, for the owner and holders' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
  @ApiPropertyOptional({ description: 'mint a new code for the same item, to print on a new label' })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}
