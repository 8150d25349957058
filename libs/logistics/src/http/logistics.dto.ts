import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ISO = { strict: true, strictSeparator: true };

export class DispatchDto {
  @ApiProperty() @IsString() @IsNotEmpty() fromFacilityId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() toFacilityId!: string;
  @ApiPropertyOptional({ description: 'the cold-chain vehicle (a facility of type vehicle)' }) @IsOptional() @IsString() vehicleId?: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsString({ each: true })
  cartonIds!: string[];
  @ApiProperty({ example: '2026-07-15T14:00:00+08:00' }) @IsISO8601(ISO) dispatchedAt!: string;
}

export class ReceiptDto {
  @ApiProperty() @IsString() @IsNotEmpty() facilityId!: string;
  @ApiProperty() @IsISO8601(ISO) receivedAt!: string;
  @ApiProperty({ enum: ['intact', 'damaged', 'partial'] }) @IsIn(['intact', 'damaged', 'partial']) condition!:
    'intact' | 'damaged' | 'partial';
  @ApiPropertyOptional({ description: 'temperature measured at handover (交接温度)', example: 2.4 })
  @IsOptional()
  @IsNumber()
  @Min(-60)
  @Max(80)
  temperatureC?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class DeliveryDto {
  @ApiProperty() @IsString() @IsNotEmpty() facilityId!: string;
  @ApiProperty() @IsISO8601(ISO) deliveredAt!: string;
  @ApiPropertyOptional({ description: "who took it over (a shop, a consignee) — never a private person's details" })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  recipient?: string;
}

export class ReadingDto {
  @ApiProperty({ example: '2026-07-15T14:10:00+08:00' }) @IsISO8601(ISO) at!: string;
  @ApiProperty({ example: 1.8 }) @IsNumber({ allowNaN: false, allowInfinity: false }) temperatureC!: number;
  @ApiPropertyOptional({ example: 92 }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) humidityPct?: number;
}

export class ReadingsDto {
  @ApiProperty({ description: 'the cold store, vehicle or station the device sits in' }) @IsString() @IsNotEmpty() facilityId!: string;
  @ApiProperty({ example: 'TL-0042' }) @IsString() @IsNotEmpty() @MaxLength(60) deviceId!: string;
  @ApiProperty({ type: [ReadingDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => ReadingDto)
  readings!: ReadingDto[];
}
