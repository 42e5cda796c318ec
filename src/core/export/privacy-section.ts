/** The model card's Privacy section: what each file of the zip holds, and the k it was built with. */

/** What the card says about privacy. */
export interface CardPrivacy {
  /** Fewest training rows behind any figure in the zip. */
  k: number;
  files: { file: string; holds: string }[];
  statement: string;
}

/** The section for a bundle built with `k` (drift reference included or not). */
export function cardPrivacy(k: number, withReference = true): CardPrivacy {
  const files = [
    { file: 'model.json', holds: 'the network layout and the name of each weight; no data' },
    {
      file: 'weights.bin',
      holds: 'the fitted weights (numbers learnt from all training rows together)',
    },
    {
      file: 'preprocessing.json',
      holds: `column names; per numeric column the mean, standard deviation, and a median and quartiles each averaged over ≥ ${k} middle values; categories seen ≥ ${k} times (rarer ones go to "other", unnamed); the target's class names`,
    },
    ...(withReference
      ? [
          {
            file: 'drift-reference.json',
            holds: `per feature column, bins of ≥ ${k} rows (edges no training value takes, counts, bin means) or counts of values seen ≥ ${k} times with the rest pooled as one unnamed count; no identifier or free-text column`,
          },
        ]
      : []),
    {
      file: 'model-card.json, model-card.md',
      holds: 'this card: row counts, column names, metrics with intervals, gates',
    },
  ];
  return {
    k,
    files,
    statement: `No file holds a training row or any value seen fewer than ${k} times, so no row can be read back from this zip. Values seen at least ${k} times (a common category, a shared class name) can appear by name.`,
  };
}
