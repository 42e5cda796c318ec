/** A dataset shipped with the app (public/samples/samples.json). */
export interface Sample {
  id: string;
  file: string;
  title: string;
  rows: number;
  columns: number;
  target: string;
  source: string;
  licence: string;
}

/** Reads the list of shipped samples; an empty list when it cannot be read. */
export async function loadSamples(): Promise<Sample[]> {
  const response = await fetch('/samples/samples.json');
  if (!response.ok) return [];
  return (await response.json()) as Sample[];
}

/** Fetches a sample's CSV as a File, as if the user had picked it. */
export async function fetchSample(sample: Sample): Promise<File> {
  const response = await fetch(`/samples/${sample.file}`);
  if (!response.ok)
    throw new Error(`Could not load the sample ${sample.title} (HTTP ${response.status}).`);
  return new File([await response.blob()], sample.file, { type: 'text/csv' });
}
