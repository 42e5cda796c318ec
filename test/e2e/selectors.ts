/**
 * The UI's test contract: every data-testid the end-to-end tests rely on, in one place.
 * Components use the same literal strings.
 */
export const ids = {
  /** <input type=file> used by the picker button (accepts .csv, .tsv, .txt). */
  fileInput: 'file-input',
  /** The element files can be dropped on. */
  dropZone: 'drop-zone',
  /** A button per shipped sample: `sample-<id>` (penguins, pima-diabetes, credit, churn). */
  sample: (id: string) => `sample-${id}`,
  /** Shown while an import runs; holds a <progress> and a text with rows, bytes and time left. */
  importProgress: 'import-progress',
  importProgressText: 'import-progress-text',
  importCancel: 'import-cancel',
  /** The last error, as a sentence (role=alert); `error-dismiss` closes it. */
  errorBanner: 'error-banner',
  errorDismiss: 'error-dismiss',
  /** Transient notice after an import (e.g. 'Imported penguins.csv: 344 rows'). */
  notice: 'notice',
  /** Dataset list; items carry data-dataset-id and show name, rows, columns, size, import time. */
  datasetList: 'dataset-list',
  datasetItem: 'dataset-item',
  datasetOpen: 'dataset-open',
  datasetDelete: 'dataset-delete',
  datasetDeleteConfirm: 'dataset-delete-confirm',
  /** e.g. 'Storage: 2.1 MB of 10 GB used · persistent'. */
  storageUsage: 'storage-usage',
  /** The opened dataset: its title and import warnings (each item data-code=<warning code>). */
  datasetTitle: 'dataset-title',
  warningItem: 'warning-item',
  /** Virtual table: header cells carry data-type; rows carry data-row; cells data-missing / data-unparsed. */
  tableView: 'table-view',
  tableScroller: 'table-scroller',
  columnHeader: 'column-header',
  tableRow: 'table-row',
  cell: 'cell',
} as const;
