import type { DatasetMeta } from '../../core/table/types';
import type { Client } from '../../protocol/client';
import type { DataMethods } from '../../protocol/data-methods';

/** What every tab of the dataset view receives. */
export interface DatasetViewProps {
  dataset: DatasetMeta;
  client: Client<DataMethods>;
}
