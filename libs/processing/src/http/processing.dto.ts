import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { QuantityDto } from '@suyuan/production/nest';

const ISO = { strict: true, strictSeparator: true };

export class ProcessStepDto {
  @ApiProperty({ example: '杀青' }) @IsString() @IsNotEmpty() @MaxLength(40) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(ISO) startedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(ISO) endedAt?: string;
  @ApiProperty({ example: { temperatureC: 260, minutes: 3 }, description: 'numbers or short texts' })
  @IsObject()
  parameters!: Record<string, number | string>;
}

export class TransformationInputDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(40) batchId!: string;
  @ApiPropertyOptional({ type: QuantityDto, description: 'a quantity of the lot, in its unit' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityDto)
  quantity?: QuantityDto;
  @ApiPropertyOptional({ description: 'all that remains of the lot' }) @IsOptional() @IsBoolean() whole?: boolean;
  @ApiPropertyOptional({ description: 'whole packed cartons of the lot' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  cartonIds?: string[];
}

export class TransformationOutputDto {
  @ApiPropertyOptional({ description: 'a new output lot of this product' }) @IsOptional() @IsString() @MaxLength(40) productId?: string;
  @ApiPropertyOptional({ description: 'or more of an output lot I already have' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  batchId?: string;
  @ApiPropertyOptional({ description: 'lot code for a new lot (GS1 AI 10); minted when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  lotCode?: string;
  @ApiProperty({ type: QuantityDto }) @ValidateNested() @Type(() => QuantityDto) quantity!: QuantityDto;
  @ApiPropertyOptional({ type: QuantityDto, description: 'animals counted in heads: their live weight' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityDto)
  liveWeight?: QuantityDto;
}

export class TransformationDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(40) plantId!: string;
  @ApiProperty({ example: 'tea_processing' }) @IsString() @IsNotEmpty() @MaxLength(40) process!: string;
  @ApiProperty() @IsISO8601(ISO) startedAt!: string;
  @ApiProperty() @IsISO8601(ISO) endedAt!: string;
  @ApiPropertyOptional({ type: [ProcessStepDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ProcessStepDto)
  steps?: ProcessStepDto[];
  @ApiPropertyOptional({ description: '动物检疫合格证明 number, for live animals' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  quarantineCertificateNo?: string;
  @ApiProperty({ type: [TransformationInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TransformationInputDto)
  inputs!: TransformationInputDto[];
  @ApiProperty({ type: [TransformationOutputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TransformationOutputDto)
  outputs!: TransformationOutputDto[];
}

export class PurchaseDto {
  @ApiPropertyOptional({ description: 'a household (natural person) I registered' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  personId?: string;
  @ApiPropertyOptional({ description: 'or a batch handed to me by its owner' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  fromBatchId?: string;
  @ApiProperty({ type: QuantityDto }) @ValidateNested() @Type(() => QuantityDto) quantity!: QuantityDto;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(ISO) purchasedAt?: string;
  @ApiPropertyOptional({ description: 'households: when they harvested it, as declared' })
  @IsOptional()
  @IsISO8601(ISO)
  harvestedAt?: string;
  @ApiPropertyOptional({ description: 'the 承诺达标合格证 received with the goods' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  certificateNo?: string;
  @ApiPropertyOptional({ description: 'households: my purchase lot to add to' }) @IsOptional() @IsString() @MaxLength(40) lotId?: string;
  @ApiPropertyOptional({ description: 'households, new lot: its product' }) @IsOptional() @IsString() @MaxLength(40) productId?: string;
  @ApiPropertyOptional({ description: 'households, new lot: my processing plant' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  plantId?: string;
  @ApiPropertyOptional({ description: 'households, new lot: its lot code' }) @IsOptional() @IsString() @MaxLength(20) lotCode?: string;
}
