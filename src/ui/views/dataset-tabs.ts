import type { Component } from 'svelte';
import TableView from '../table/TableView.svelte';
import CleanView from './CleanView.svelte';
import HistoryExportView from './HistoryExportView.svelte';
import IssuesView from './IssuesView.svelte';
import PriorityView from './PriorityView.svelte';
import ProfileView from './ProfileView.svelte';
import TrainView from './TrainView.svelte';
import type { DatasetViewProps } from './view-props';

/** A tab of the dataset view; `id` is also its data-testid suffix (`tab-<id>`). */
export interface DatasetTab {
  id: string;
  label: string;
  component: Component<DatasetViewProps>;
}

/** The dataset view's tabs, in order: one line per view. */
export const datasetTabs: DatasetTab[] = [
  { id: 'table', label: 'Table', component: TableView },
  { id: 'profile', label: 'Profile', component: ProfileView },
  { id: 'issues', label: 'Issues', component: IssuesView },
  { id: 'priority', label: 'Priority', component: PriorityView },
  { id: 'clean', label: 'Clean', component: CleanView },
  { id: 'train', label: 'Train', component: TrainView },
  { id: 'history', label: 'History & export', component: HistoryExportView },
];
