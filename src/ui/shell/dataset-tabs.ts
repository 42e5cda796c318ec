import type { Component } from 'svelte';
import TableView from '../table/TableView.svelte';
import CleanView from '../clean/CleanView.svelte';
import HistoryExportView from '../history/HistoryExportView.svelte';
import IssuesView from '../issues/IssuesView.svelte';
import PriorityView from '../priority/PriorityView.svelte';
import ProfileView from '../profile/ProfileView.svelte';
import TrainView from '../train/TrainView.svelte';
import type { DatasetViewProps } from '../shared/view-props';

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
