import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { CartonPages } from './application/carton-pages';
import { LabelFiles } from './application/label-files';
import { LabelSources } from './application/label-sources';
import { PrintLabelsHandler } from './application/print.handler';
import { CartonPageController } from './http/carton-page.controller';
import { LabelsController } from './http/labels.controller';

/** Labels for a batch's items and its 承诺达标合格证: print jobs, their PDF and CSV files, the print history. */
@Module({
  imports: [ProductionModule],
  controllers: [LabelsController, CartonPageController],
  providers: [LabelSources, LabelFiles, PrintLabelsHandler, CartonPages],
})
export class LabelsModule {}
