/** The target column chosen per dataset, shared by the Profile and Issues tabs (page session). */
class TargetChoice {
  private byDataset = $state<Record<string, string | null>>({});

  /** The chosen target of dataset `id`, or null. */
  get(id: string): string | null {
    return this.byDataset[id] ?? null;
  }

  /** Chooses `name` (null: none) as dataset `id`'s target. */
  set(id: string, name: string | null): void {
    this.byDataset[id] = name;
  }
}

/** The one shared choice. */
export const targetChoice = new TargetChoice();
