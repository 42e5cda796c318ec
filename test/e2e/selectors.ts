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

/** The Train tab (issue 4): form, live view, evaluation, gates, test reveals, export, runs. */
export const trainIds = {
  tab: 'tab-train',
  target: 'train-target',
  /** auto | classification | regression (regression only for numeric targets). */
  task: 'train-task',
  model: 'train-model',
  hidden: 'train-hidden',
  epochs: 'train-epochs',
  batch: 'train-batch',
  seed: 'train-seed',
  /** <select> of 'auto' and each backend that starts here (options carry data-available). */
  backend: 'train-backend',
  start: 'train-start',
  cancel: 'train-cancel',
  /** Live view: <progress>, text with epoch and time left; phase notes (calibrating, fallback). */
  progress: 'train-progress',
  progressText: 'train-progress-text',
  /** uPlot charts; data-points = epochs drawn. */
  lossChart: 'train-loss-chart',
  metricChart: 'train-metric-chart',
  /** The backend the run used (data-backend) and how it was chosen. */
  backendUsed: 'train-backend-used',
  error: 'train-error',
  /** An evaluation panel (data-split = validation | test); metrics carry data-metric and data-value. */
  evaluation: 'model-evaluation',
  metric: 'model-metric',
  confusion: 'confusion-matrix',
  rocChart: 'roc-chart',
  prChart: 'pr-chart',
  gatesInput: 'gates-input',
  /** data-pass = true | false; one row per gate (gate-row, data-pass). */
  gatesStatus: 'gates-status',
  gateRow: 'gate-row',
  revealTest: 'reveal-test',
  /** "1 test reveal used of 2,480 supported at ±0.05 (95%)…" */
  revealCount: 'reveal-count',
  exportModel: 'export-model',
  runsList: 'runs-list',
  runItem: 'run-item',
  /** On a run whose bundle was exported: downloads the zip kept in IndexedDB. */
  runDownload: 'run-download',
  /** A run's test reveals: "1 of 27 reveals used" (data-reveals = count), as the reveal panel. */
  runReveals: 'run-reveals',
  /** A checkbox per run; ticking two or more shows the side-by-side table. */
  runCompare: 'run-compare',
  runsCompare: 'runs-compare',
  /** Batch prediction: a model zip input; the result (data-rows) with a drift summary (data-retrain). */
  predictModelInput: 'predict-model-input',
  /** Random search: trial count, start, results table (one search-trial row each; best has ★). */
  searchTrials: 'search-trials',
  searchStart: 'search-start',
  searchResults: 'search-results',
  searchTrial: 'search-trial',
  predictResult: 'predict-result',
  driftSummary: 'drift-summary',
} as const;

/** The Profile and Issues tabs (issue 3): target picker, progress + cancel, cards, findings. */
export const analysisIds = {
  profileTab: 'tab-profile',
  issuesTab: 'tab-issues',
  /** <select> of "None" and every column; shared by both tabs (per dataset). */
  targetSelect: 'target-select',
  profileView: 'profile-view',
  /** <progress>, a text naming the phase, and a cancel button. */
  profileProgress: 'profile-progress',
  profileCancel: 'profile-progress-cancel',
  profileCancelled: 'profile-cancelled',
  /** One card per column (data-column = its name) with a uPlot chart (a <canvas> inside). */
  profileCard: 'profile-card',
  profileChart: 'profile-chart',
  /** An alert (data-kind) and its explanation in words. */
  profileAlert: 'profile-alert',
  profileAlertText: 'profile-alert-text',
  profileDataset: 'profile-dataset',
  profileDuplicates: 'profile-duplicates',
  profileAssociation: 'profile-association',
  issuesView: 'issues-view',
  issuesProgress: 'issues-progress',
  issuesProgressText: 'issues-progress-text',
  issuesCancel: 'issues-progress-cancel',
  issuesCancelled: 'issues-cancelled',
  issuesRun: 'issues-run',
  /** Shown while the findings come from an older version (operations appended since). */
  issuesStale: 'issues-stale',
  /** One row per detector (data-detector, data-count); kinds filter on click; a note explains a skip. */
  issuesSummary: 'issues-summary',
  issuesDetector: 'issues-detector',
  issuesDetectorCount: 'issues-detector-count',
  issuesDetectorShare: 'issues-detector-share',
  issuesDetectorNote: 'issues-detector-note',
  issuesFilterDetector: 'issues-filter-detector',
  issuesFilterColumn: 'issues-filter-column',
  /** "1–50 of 1,234" above the table; prev/next page buttons. */
  issuesRange: 'issues-range',
  issuesPrev: 'issues-prev',
  issuesNext: 'issues-next',
  issuesTable: 'issues-table',
  /**
   * A flagged row (data-detector = the detector that ran, data-kind = the finding's kind, data-row =
   * 0-based row, -1 for a column) with its reason and suggested fix.
   */
  issueRow: 'issue-row',
  issueReason: 'issue-reason',
  issueFix: 'issue-fix',
} as const;

/** The Priority tab (issue 5): reference choice, rank with progress, summary, queue, curve. */
export const priorityIds = {
  tab: 'tab-priority',
  view: 'priority-view',
  /** <select>: "held-out" or a dataset id (options carry the dataset name). */
  reference: 'priority-reference',
  /** Shown when the reference is a held-out split: says no reviewed validation split is used. */
  heldOutNote: 'priority-held-out-note',
  rank: 'priority-rank',
  progress: 'priority-progress',
  progressText: 'priority-progress-text',
  cancel: 'priority-progress-cancel',
  cancelled: 'priority-cancelled',
  error: 'priority-error',
  /** data-rows, data-flagged; the reference sentence in priority-reference-text. */
  summary: 'priority-summary',
  referenceText: 'priority-reference-text',
  /** Flags per class: rows data-class, data-rows; label flags; the balance warnings. */
  classBalance: 'priority-class-balance',
  classRow: 'priority-class-row',
  classLabelFlags: 'priority-class-label-flags',
  balanceWarning: 'priority-balance-warning',
  balancedStart: 'priority-balanced-start',
  note: 'priority-note',
  /** uPlot chart; data-points = x values drawn. */
  curve: 'cleaning-curve',
  queueTable: 'priority-queue',
  /** One per row: data-row, data-rank, data-kind, data-status. */
  queueRow: 'priority-queue-row',
  /** Queue filters: <select> of evidence kinds ('' = all), an "open rows only" checkbox. */
  filterKind: 'priority-filter-kind',
  filterOpen: 'priority-filter-open',
  queueRange: 'priority-queue-range',
  queuePrev: 'priority-queue-prev',
  queueNext: 'priority-queue-next',
  /** "Review validation rows first": one item per suggestion (data-row) with two buttons. */
  validationPanel: 'validation-suggestions',
  validationItem: 'validation-suggestion',
  validationAccept: 'validation-accept',
  validationOk: 'validation-ok',
} as const;

/** The Clean tab (issue 6): the review queue one row at a time or as a table. */
export const cleanIds = {
  tab: 'tab-clean',
  view: 'clean-view',
  /** Shown when no ranking is held: a link to the Priority tab. */
  needsRank: 'clean-needs-rank',
  /** The note shown when the ranking was made again by itself after a reload (also on Priority). */
  rankingRemade: 'ranking-remade',
  /**
   * One counter per data-key (reviewed, fixed, …, open, open-flagged: open rows with evidence,
   * gain-left), each with its data-value.
   */
  counters: 'clean-counters',
  counter: 'clean-counter',
  modeOne: 'clean-mode-one',
  modeTable: 'clean-mode-table',
  /** The current row: data-row, data-kind; its reason, suggestion and gain. */
  card: 'clean-card',
  reason: 'clean-reason',
  suggestion: 'clean-suggestion',
  gain: 'clean-gain',
  position: 'clean-position',
  neighbours: 'clean-neighbours',
  distribution: 'clean-distribution',
  /** The row's cells: one clean-value per column (data-column = name). */
  values: 'clean-values',
  value: 'clean-value',
  editInput: 'clean-edit-input',
  editSave: 'clean-edit-save',
  editError: 'clean-edit-error',
  /** Relabel choices, most likely first: data-label, data-index (1-based key). */
  classOption: 'clean-class',
  accept: 'clean-accept',
  edit: 'clean-edit',
  relabel: 'clean-relabel',
  exclude: 'clean-exclude',
  ok: 'clean-ok',
  skip: 'clean-skip',
  undo: 'clean-undo',
  redo: 'clean-redo',
  next: 'clean-next',
  prev: 'clean-prev',
  last: 'clean-last',
  error: 'clean-error',
  shortcuts: 'clean-shortcuts',
  bulkPreview: 'clean-bulk-preview',
  /** data-rows = rows the fix changes; confirm / cancel. */
  bulk: 'clean-bulk',
  bulkConfirm: 'clean-bulk-confirm',
  /** A relabel group's class balance: rows data-class, data-before, data-after. */
  bulkBalance: 'clean-bulk-balance',
  /** The confirmation a group relabel of more than 20 rows of one class needs. */
  bulkAck: 'clean-bulk-ack',
  /** Shown instead when the group would leave a class without rows (Apply stays off). */
  bulkEmptied: 'clean-bulk-emptied',
  bulkCancel: 'clean-bulk-cancel',
  /** Table mode: rows with per-row review buttons. */
  table: 'clean-table',
  tableRow: 'clean-table-row',
  tableOpen: 'clean-table-open',
  retrain: 'clean-retrain',
  retrainResult: 'clean-retrain-result',
  done: 'clean-done',
} as const;

/** The History & export tab (issue 6): a column-step form, the operation log, exports, replay. */
export const historyIds = {
  tab: 'tab-history',
  view: 'history-export-view',
  /** Column step form: column and action <select>s, value inputs, Apply, a refusal (role=alert). */
  step: 'column-step',
  stepColumn: 'step-column',
  stepKind: 'step-kind',
  stepValue: 'step-value',
  stepTo: 'step-to',
  stepApply: 'step-apply',
  stepError: 'step-error',
  panel: 'history-panel',
  undo: 'history-undo',
  redo: 'history-redo',
  empty: 'history-empty',
  list: 'history-list',
  /** One per log entry, newest first: data-seq, data-active = true | false (false: struck through). */
  item: 'history-item',
  itemText: 'history-text',
  /** On each item: Revert (active) / Restore (reverted). */
  revert: 'history-revert',
  /** Shown when more than 200 steps: draws the next 200 older ones. */
  more: 'history-more',
  error: 'history-error',
  exportPanel: 'export-panel',
  exportCsv: 'export-csv',
  exportRecipe: 'export-recipe',
  exportScript: 'export-script',
  /** <input type=file> taking a recipe JSON to replay on the open dataset. */
  recipeInput: 'recipe-input',
  exportError: 'export-error',
  /** The replay report: a summary, schema notes, applied and skipped items (data-step, 1-based). */
  report: 'replay-report',
  reportSummary: 'replay-summary',
  reportNote: 'replay-note',
  reportApplied: 'replay-applied',
  reportSkipped: 'replay-skipped',
} as const;
