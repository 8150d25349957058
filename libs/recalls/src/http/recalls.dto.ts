import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DISPOSITIONS, Disposition, RECALL_CLASSES, RecallClass } from '../domain/events';

/** One of: lots; a plot (with harvest dates); a farm input; a test — as a trace forward starts. */
export class RecallScopeDto {
  @ApiPropertyOptional({ type: [String], description: 'the lots (batch ids) recalled, with every lot made from them' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  lots?: string[];
  @ApiPropertyOptional({ description: 'a farm plot: the lots harvested on it (between from and to, when given)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  plot?: string;
  @ApiPropertyOptional({ description: 'with plot: first harvest day or time' }) @IsOptional() @IsString() from?: string;
  @ApiPropertyOptional({ description: 'with plot: last harvest day or time' }) @IsOptional() @IsString() to?: string;
  @ApiPropertyOptional({ description: 'a farm input by name or active ingredient: the lots it was applied to' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  input?: string;
  @ApiPropertyOptional({ description: 'a test id: the lot it was made on' }) @IsOptional() @IsString() @IsNotEmpty() test?: string;
}

export class OpenRecallDto {
  @ApiProperty({ enum: RECALL_CLASSES, description: 'I: may cause illness or death; II: may harm; III: a fault of the label' })
  @IsIn(RECALL_CLASSES)
  class!: RecallClass;
  @ApiProperty({ example: '毒死蜱残留超标 (GB 2763)', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
  @ApiProperty({ type: RecallScopeDto })
  @ValidateNested()
  @Type(() => RecallScopeDto)
  scope!: RecallScopeDto;
  @ApiPropertyOptional({ description: 'when the risk became known (the start deadline runs from it); now unless told' })
  @IsOptional()
  @IsString()
  riskKnownAt?: string;
}

export class DisposeUnitsDto {
  @ApiProperty({ enum: DISPOSITIONS }) @IsIn(DISPOSITIONS) disposition!: Disposition;
  @ApiProperty({ description: 'the facility of yours the units were at' }) @IsString() @IsNotEmpty() facilityId!: string;
  @ApiPropertyOptional({ type: [String], description: 'whole cartons' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  cartonIds?: string[];
  @ApiPropertyOptional({ description: 'loose units: their lot' }) @IsOptional() @IsString() @IsNotEmpty() lotId?: string;
  @ApiPropertyOptional({ description: 'loose units: how many' }) @IsOptional() @IsInt() @Min(1) items?: number;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional({ description: 'when it was done; now unless told' }) @IsOptional() @IsString() disposedAt?: string;
}

export class CloseRecallDto {
  @ApiProperty({ description: 'the report closing the recall (总结报告)', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  report!: string;
}
