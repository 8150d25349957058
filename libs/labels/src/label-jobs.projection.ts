import { Projection } from '@suyuan/readmodels';
import { LABEL_EVENT_TYPES, LabelEvent } from './domain/events';
import { LabelJobView } from './label-jobs.views';

/** Print jobs, one document each: the printed codes stay in the event, the job keeps its selection. */
export const labelJobsProjection: Projection<LabelEvent> = {
  name: 'labelJobs',
  eventTypes: LABEL_EVENT_TYPES,
  reads: () => [],
  apply(event) {
    const { codes: _codes, jobId, ...d } = event.data;
    const view: LabelJobView = {
      id: jobId,
      ...d,
      printedBy: { organizationId: event.metadata.organizationId, keyId: event.metadata.keyId },
    };
    return [{ collection: 'labelJobs', id: jobId, doc: view }];
  },
};
