import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { LABEL_FORMATS, LabelFormat } from '../domain/events';

export class PrintLabelsDto {
  @ApiProperty({
    enum: LABEL_FORMATS,
    description: 'pdf: item labels; csv: rows for an industrial coder; certificate: the 承诺达标合格证; carton: one label a carton',
  })
  @IsIn(LABEL_FORMATS)
  format!: LabelFormat;
  @ApiPropertyOptional({
    description:
      'pdf: a4-3x8 (default), a4-4x10, roll-40x30, roll-50x30, or roll with widthMm and heightMm; certificate: a4-2x4 (default), roll-100x70',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  layout?: string;
  @ApiPropertyOptional({ description: 'a roll label’s width (mm), with layout roll' }) @IsOptional() @IsNumber() widthMm?: number;
  @ApiPropertyOptional({ description: 'a roll label’s height (mm), with layout roll' }) @IsOptional() @IsNumber() heightMm?: number;
  @ApiPropertyOptional({ description: 'the labels of one packing' }) @IsOptional() @IsString() @IsNotEmpty() packingId?: string;
  @ApiPropertyOptional({ type: [String], description: 'the labels of these cartons' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  cartonIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'the labels of these item codes (a reprint of damaged labels)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3000)
  @IsString({ each: true })
  codes?: string[];
  @ApiPropertyOptional({
    description: 'one page of the batch’s or packing’s labels: how many come before it in print order (0 unless asked)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
  @ApiPropertyOptional({ description: 'one page of the batch’s or packing’s labels: how many (1–10,000; 10,000 unless asked)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  count?: number;
  @ApiPropertyOptional({ description: 'certificate: how many to print (1–500, 1 unless asked)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  copies?: number;
}
