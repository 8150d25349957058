import { LabelFormat, LabelSelection } from './domain/events';

/** One print job (`labelJobs`, id = job id), as a batch's print history lists it. */
export interface LabelJobView {
  id: string;
  batchId: string;
  format: LabelFormat;
  layout?: string;
  selection: LabelSelection;
  labelCount: number;
  /** Of those, labels whose codes an earlier job had printed. */
  reprintCount: number;
  printedAt: string;
  printedBy: { organizationId: string; keyId: string };
}
