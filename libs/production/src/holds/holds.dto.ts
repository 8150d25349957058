import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

class UnitDto {
  @ApiPropertyOptional({ description: 'a lot (batch): all its items' }) @IsOptional() @IsString() @MaxLength(40) batchId?: string;
  @ApiPropertyOptional({ description: 'a carton: its items' }) @IsOptional() @IsString() @MaxLength(40) cartonId?: string;
  @ApiPropertyOptional({ description: 'one item, by the code on its label' }) @IsOptional() @IsString() @MaxLength(40) code?: string;
}

export class HoldDto extends UnitDto {
  @ApiProperty({ description: 'why, in words the public scan page shows (暂停销售的原因)', example: '抽检不合格，待复检' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class ReleaseDto extends UnitDto {
  @ApiPropertyOptional({ description: 'why the hold is lifted (复检合格, 整改完成)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
